// Adds requests to the table: kinds shuffled over sorted arrival times, with the feed summary
// (topic, preferred callback slot) stored and a seed for the personal data.
import { CALLBACK_TOPICS, TOPICS, type RequestKind, type Topic } from '../../shared/domain';
import { type RequestTable } from './scratch/request-table';
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
/** The contact form also offers "Online-Zugang löschen". */
const CONTACT_CATEGORY_WEIGHTS = [28, 19, 19, 14, 14, 6] as const;

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

/** A callback slot from the day it arrived to a week later (Berlin), never on a Sunday, two hours between 08:00 and 18:00. */
function preferredSlot(rng: Prng, arrivalDay: number): { preferredDay: number; windowFrom: number } {
  let day = arrivalDay + rng.between(0, 7);
  while (weekdayOf(day) === 0) day = arrivalDay + rng.between(0, 7);
  return { preferredDay: day, windowFrom: rng.between(8, 16) };
}

/** The latest day in [from, to] that is not a Sunday, or null. */
function lastWorkingDay(from: number, to: number): number | null {
  for (let day = to; day >= from; day--) if (weekdayOf(day) !== 0) return day;
  return null;
}

/**
 * What the demo and the tests rely on, on any date: the earliest callback of a history whose
 * wish lies in the past (overdue; what a tightened expiry rule purges) and the latest one
 * wishing a later day (upcoming), each within a week of its arrival.
 */
function guaranteeSpread(table: RequestTable, callbacks: readonly number[], today: number): void {
  const oldest = callbacks[0];
  const newest = callbacks[callbacks.length - 1];
  if (oldest === undefined || newest === undefined || oldest === newest) return;
  const arrivedOldest = berlinDay(table.receivedAt(oldest));
  const past = lastWorkingDay(arrivedOldest, Math.min(today - 1, arrivedOldest + 7));
  if (past !== null) table.setPreferredDay(oldest, past);
  const future = lastWorkingDay(today + 1, berlinDay(table.receivedAt(newest)) + 7);
  if (future !== null) table.setPreferredDay(newest, future);
}

/** Adds one request per entry of `kinds`, received at `times[i]`; returns the first new index. */
export function addRequests(rng: Prng, table: RequestTable, kinds: readonly RequestKind[], times: Float64Array, nowMs: number): number {
  const first = table.count;
  const callbacks: number[] = [];
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i] as RequestKind;
    const topic: Topic = kind === 'contact' ? rng.weighted(TOPICS, CONTACT_CATEGORY_WEIGHTS) : rng.weighted(CALLBACK_TOPICS, TOPIC_WEIGHTS);
    const seed = rng.uint32();
    const receivedAt = times[i] ?? nowMs;
    const slot = kind === 'callback' ? preferredSlot(rng, berlinDay(receivedAt)) : { preferredDay: 0, windowFrom: 0 };
    const index = table.add({ kind, receivedAt, seed, topic, ...slot });
    if (kind === 'callback') callbacks.push(index);
  }
  guaranteeSpread(table, callbacks, berlinDay(nowMs));
  return first;
}
