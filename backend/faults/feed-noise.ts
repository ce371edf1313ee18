// Adds the configured feed faults to a page: duplicates within the page, a cursor that steps
// back (so the next page repeats events), and injected malformed / broken / unknown events.
import { type FeedEvent } from '../../shared/sync-api';
import { type FaultInjector } from './injector';
import { wireInstant } from '../time';
import { brokenEnvelope, malformedEvent, unknownTypeEvent, type NoiseContext } from './noise-events';

export interface ServedPage {
  events: unknown[];
  next: number;
  hasMore: boolean;
}

function noiseRate(f: FaultInjector): number {
  const c = f.config;
  return c.duplicateRate + c.malformedRate + c.brokenEnvelopeRate + c.unknownTypeRate;
}

/** How many real events to plan, leaving room for noise so a page never exceeds `limit`. */
export function realEventLimit(faults: FaultInjector, limit: number): number {
  const rate = noiseRate(faults);
  if (rate === 0) return limit;
  return Math.max(1, Math.floor(limit * (1 - Math.min(0.5, rate))));
}

export function addFeedNoise(
  faults: FaultInjector,
  real: { events: FeedEvent[]; seqs: number[]; next: number; hasMore: boolean },
  limit: number,
  seesSms: boolean,
  now: Date,
): ServedPage {
  if (noiseRate(faults) === 0) return real;
  const { rng, config, counters } = faults;
  const ctx: NoiseContext = { rng, nextId: () => faults.nextNoiseId(), at: wireInstant(now), seesSms };
  const out: unknown[] = [];
  const n = real.events.length;
  // Slots left once `stillToCome` real events are placed.
  const free = (stillToCome: number): number => limit - out.length - stillToCome;
  for (let k = 0; k < n; k++) {
    if (free(n - k) > 0 && rng.chance(config.malformedRate)) {
      out.push(malformedEvent(ctx));
      counters.malformedEvents++;
    }
    if (free(n - k) > 0 && rng.chance(config.brokenEnvelopeRate)) {
      out.push(brokenEnvelope(ctx));
      counters.brokenEnvelopes++;
    }
    if (free(n - k) > 0 && rng.chance(config.unknownTypeRate)) {
      out.push(unknownTypeEvent(ctx));
      counters.unknownTypeEvents++;
    }
    const event = real.events[k];
    out.push(event);
    if (free(n - k - 1) > 0 && rng.chance(config.duplicateRate)) {
      out.push(event);
      counters.duplicatedEvents++;
    }
  }

  let { next, hasMore } = real;
  if (n >= 2 && rng.chance(config.duplicateRate)) {
    // At-least-once across pages: step the cursor back over the last few events.
    const back = rng.between(1, Math.min(3, n - 1));
    next = real.seqs[n - 1 - back] ?? next;
    hasMore = true;
    counters.replayedEvents += back;
  }
  return { events: out, next, hasMore };
}
