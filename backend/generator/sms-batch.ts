// Free-SMS sends with the misuse patterns the officers look for: customers far over the free
// quota of 5 a day, and single IP addresses sending for many customer numbers.
import { type SmsTable } from './scratch/sms-table';
import { berlinDay, DAY_MS } from '../time';
import { customerNumber, homeIp } from './network';
import { type Prng } from './prng';
import { sortedInstants } from './request-batch';

/** A normal customer sends about 15 messages in 100 days; everything above comes from bursts. */
const SENDS_PER_CUSTOMER = 15;
/** Share of ordinary sends that come through a shared address (mobile carrier NAT, café). */
const SHARED_IP_SHARE = 0.03;
const BURST_MIN = 7;
const BURST_MAX = 15;

export interface SmsBatchShape {
  /** New customers in this batch; 0 reuses the existing pool. */
  customers: number;
  bursts: number;
}

export function smsBatchShape(n: number, existingCustomers: number): SmsBatchShape {
  const customers = n < 50 && existingCustomers > 0 ? 0 : Math.max(5, Math.ceil(n / SENDS_PER_CUSTOMER));
  const bursts = n >= 40 ? Math.max(2, Math.floor(n / 2000)) : 0;
  return { customers, bursts };
}

function growPools(rng: Prng, table: SmsTable, customers: number): { from: number; to: number } {
  const from = customers > 0 ? table.customers.length : 0;
  for (let i = 0; i < customers; i++) table.addCustomer(customerNumber(rng), homeIp(rng));
  const shared = customers > 0 ? Math.max(2, Math.ceil(customers / 300)) : table.sharedIps.length === 0 ? 2 : 0;
  for (let i = 0; i < shared; i++) table.sharedIps.push(table.addIp(homeIp(rng)));
  return { from, to: table.customers.length };
}

/** The guaranteed misuse lands this far into the batch's span: well inside the 90-day retention of a 100-day history. */
const GUARANTEED_SPAN = [0.4, 0.97] as const;

/**
 * Around 12:00 in Berlin on the Berlin day of `ms` (11:00 UTC is 12:00 or 13:00 there), so a burst
 * of minutes never straddles midnight; `ms` itself when that instant falls outside the batch.
 */
function berlinMidday(ms: number, fromMs: number, toMs: number): number {
  const midday = berlinDay(ms) * DAY_MS + 11 * 3_600_000;
  return midday >= fromMs && midday + 20 * 60_000 <= toMs ? midday : ms;
}

/**
 * The pattern the officers' desk and its tests rely on, on any date: one customer over the free
 * quota on one Berlin day, all sent from a shared address that one other customer used the same
 * day. Its sends are moved out of the run they replace and merged back in time order.
 */
function guaranteedMisuse(rng: Prng, table: SmsTable, pool: { from: number; to: number }, at: { fromMs: number; toMs: number }, slot: { times: Float64Array; customerOf: Uint32Array; ipOf: Uint32Array }): void {
  const n = slot.times.length;
  const length = BURST_MAX;
  const poolSize = pool.to - pool.from;
  const abuser = pool.from + rng.int(poolSize);
  let other = pool.from + rng.int(poolSize);
  if (other === abuser && poolSize > 1) other = pool.from + ((other - pool.from + 1) % poolSize);
  const ip = rng.pick(table.sharedIps);
  const span = at.toMs - at.fromMs;
  const t0 = berlinMidday(at.fromMs + span * (GUARANTEED_SPAN[0] + rng.next() * (GUARANTEED_SPAN[1] - GUARANTEED_SPAN[0])), at.fromMs, at.toMs);
  const start = rng.int(n - length);
  for (let j = 0; j < length; j++) {
    // The last send of the burst comes from another customer: the address is shared, the quota is one customer's.
    slot.customerOf[start + j] = j === length - 1 ? other : abuser;
    slot.ipOf[start + j] = ip;
    slot.times[start + j] = Math.floor(t0 / 1000) * 1000 + j * 60_000;
  }
  mergeRunInOrder(slot, start, length);
}

/** Moves the (sorted) run [start, start+length) to its place among the otherwise sorted sends: one merge. */
function mergeRunInOrder(slot: { times: Float64Array; customerOf: Uint32Array; ipOf: Uint32Array }, start: number, length: number): void {
  const { times, customerOf, ipOf } = slot;
  const source = { times: times.slice(), customerOf: customerOf.slice(), ipOf: ipOf.slice() };
  const end = start + length;
  let rest = start === 0 ? end : 0;
  let run = start;
  for (let out = 0; out < times.length; out++) {
    const takeRun = run < end && (rest >= times.length || (source.times[run] ?? 0) < (source.times[rest] ?? 0));
    const from = takeRun ? run++ : rest++;
    if (!takeRun && rest === start) rest = end;
    times[out] = source.times[from] ?? 0;
    customerOf[out] = source.customerOf[from] ?? 0;
    ipOf[out] = source.ipOf[from] ?? 0;
  }
}

/**
 * Adds `n` sends between fromMs and toMs, in time order. Bursts overwrite a run of consecutive
 * sends with one misuser (or one shared IP) and squeeze them into minutes, keeping the order.
 * A batch with bursts always holds the guaranteed misuse (one customer over quota on a shared address).
 */
export function addSmsBatch(rng: Prng, table: SmsTable, n: number, fromMs: number, toMs: number): number {
  const shape = smsBatchShape(n, table.customers.length);
  const pool = growPools(rng, table, shape.customers);
  const poolSize = pool.to - pool.from;
  const times = sortedInstants(rng, n, fromMs, toMs);
  const customerOf = new Uint32Array(n);
  const ipOf = new Uint32Array(n);
  const shared = table.sharedIps;

  for (let i = 0; i < n; i++) {
    const customer = pool.from + rng.int(poolSize);
    customerOf[i] = customer;
    ipOf[i] = rng.chance(SHARED_IP_SHARE) ? rng.pick(shared) : (table.homeIp[customer] ?? 0);
  }

  for (let b = 0; b < shape.bursts; b++) {
    const length = rng.between(BURST_MIN, BURST_MAX);
    const start = rng.int(n - length);
    const quotaAbuse = rng.chance(0.7);
    const abuser = pool.from + rng.int(poolSize);
    const ip = quotaAbuse && rng.chance(0.5) ? (table.homeIp[abuser] ?? 0) : rng.pick(shared);
    const t0 = times[start] ?? fromMs;
    const room = (times[start + length] ?? toMs) - t0;
    const step = Math.min(60_000, Math.floor(room / (length + 1) / 1000) * 1000);
    for (let j = 0; j < length; j++) {
      customerOf[start + j] = quotaAbuse ? abuser : pool.from + rng.int(poolSize);
      ipOf[start + j] = ip;
      times[start + j] = t0 + j * step;
    }
  }
  if (shape.bursts > 0) guaranteedMisuse(rng, table, pool, { fromMs, toMs }, { times, customerOf, ipOf });

  const first = table.count;
  table.reserve(n);
  for (let i = 0; i < n; i++) table.add(times[i] ?? toMs, customerOf[i] ?? 0, ipOf[i] ?? 0);
  return first;
}
