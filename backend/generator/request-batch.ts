// Adds requests to the table: kinds shuffled over sorted arrival times, with the feed summary
// (topic, preferred callback slot) stored and a seed for the personal data.
import { TOPICS, type RequestKind, type Topic } from '../../shared/domain';
import { type RequestTable } from '../state/request-table';
import { berlinDay, weekdayOf } from '../time';
import { type Prng } from './prng';

export interface RequestCounts {
  callbacks?: number;
  contacts?: number;
  dpo?: number;
  equality?: number;
}

/** Billing questions dominate a utility's inbox; outages come in waves. */
const TOPIC_WEIGHTS = [30, 20, 20, 15, 15] as const;

export function requestKindsOf(counts: RequestCounts): RequestKind[] {
  const kinds: RequestKind[] = [];
  const add = (kind: RequestKind, n = 0): void => {
    for (let i = 0; i < n; i++) kinds.push(kind);
  };
  add('callback', counts.callbacks);
  add('contact', counts.contacts);
  add('dpo', counts.dpo);
  add('equality', counts.equality);
  return kinds;
}

export function shuffle<T>(rng: Prng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
  return items;
}

/** `n` whole-second instants in [fromMs, toMs], ascending. */
export function sortedInstants(rng: Prng, n: number, fromMs: number, toMs: number): Float64Array {
  const times = new Float64Array(n);
  const span = Math.max(0, toMs - fromMs);
  for (let i = 0; i < n; i++) times[i] = Math.floor((fromMs + rng.next() * span) / 1000) * 1000;
  return times.sort();
}

/** A callback slot today … today + 7 (Berlin), never on a Sunday, two hours between 08:00 and 18:00. */
function preferredSlot(rng: Prng, today: number): { preferredDay: number; windowFrom: number } {
  let day = today + rng.between(0, 7);
  while (weekdayOf(day) === 0) day = today + rng.between(0, 7);
  return { preferredDay: day, windowFrom: rng.between(8, 16) };
}

/** Adds one request per entry of `kinds`, received at `times[i]`; returns the first new index. */
export function addRequests(rng: Prng, table: RequestTable, kinds: readonly RequestKind[], times: Float64Array, nowMs: number): number {
  const first = table.count;
  const today = berlinDay(nowMs);
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i] as RequestKind;
    const topic: Topic = rng.weighted(TOPICS, TOPIC_WEIGHTS);
    const seed = rng.uint32();
    const slot = kind === 'callback' ? preferredSlot(rng, today) : { preferredDay: 0, windowFrom: 0 };
    table.add({ kind, receivedAt: times[i] ?? nowMs, seed, topic, ...slot });
  }
  return first;
}
