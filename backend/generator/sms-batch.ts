// Free-SMS sends with the misuse patterns the officers look for: customers far over the free
// quota of 5 a day, and single IP addresses sending for many customer numbers.
import { type SmsTable } from '../state/sms-table';
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

/**
 * Adds `n` sends between fromMs and toMs, in time order. Bursts overwrite a run of consecutive
 * sends with one misuser (or one shared IP) and squeeze them into minutes, keeping the order.
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

  const first = table.count;
  table.reserve(n);
  for (let i = 0; i < n; i++) table.add(times[i] ?? toMs, customerOf[i] ?? 0, ipOf[i] ?? 0);
  return first;
}
