// Synthetic data for the demo, tests and benchmarks: deterministic for a seed and a clock. The
// generator writes into scratch tables; load.ts stores the result in the database the way the
// website's forms and the SMS service would.
import { DAY_MS } from '../time';
import { mix32, Prng } from './prng';
import { addRequests, requestKindsOf, shuffle, sortedInstants, type RequestCounts } from './request-batch';
import { RequestTable } from './scratch/request-table';
import { SmsTable } from './scratch/sms-table';
import { portalRecords, type PortalRecordDraft } from './portal-batch';
import { addSmsBatch } from './sms-batch';

export interface GenerateCounts extends RequestCounts {
  sms?: number;
  /** Records of the Online-Kundencenter's access log. */
  portal?: number;
}

/** What a backend process keeps between batches: the dice and the customer/address pools. */
export interface GeneratorContext {
  rng: Prng;
  sms: SmsTable;
}

export function generatorContext(seed: number): GeneratorContext {
  return { rng: new Prng(seed), sms: new SmsTable(mix32(seed ^ 0x534d5331)) };
}

/** One batch in arrival order: `isSms[k]` tells which table `ref[k]` points into. */
export interface GeneratedBatch {
  requests: RequestTable;
  sms: SmsTable;
  /** The batch's SMS records are sms[firstSms ..< sms.count]. */
  firstSms: number;
  /** The portal's access records, in time order. */
  portal: PortalRecordDraft[];
  length: number;
  isSms: Uint8Array;
  ref: Uint32Array;
}

/** Requests in the demo arrived over the last five days; the SMS log reaches 100 days back,
 * so some of it is already past the 90-day retention and the sweeps have work. */
export const REQUEST_HISTORY_DAYS = 5;
export const SMS_HISTORY_DAYS = 100;

/** Merges the batch's requests and SMS records into one sequence by time (two sorted runs). */
function inArrivalOrder(requests: RequestTable, sms: SmsTable, firstSms: number, portal: PortalRecordDraft[] = []): GeneratedBatch {
  const length = requests.count + (sms.count - firstSms);
  const isSms = new Uint8Array(length);
  const ref = new Uint32Array(length);
  let r = 0;
  let s = firstSms;
  for (let k = 0; k < length; k++) {
    if (s >= sms.count || (r < requests.count && requests.receivedAt(r) <= sms.sentAt(s))) {
      ref[k] = r++;
    } else {
      isSms[k] = 1;
      ref[k] = s++;
    }
  }
  return { requests, sms, firstSms, portal, length, isSms, ref };
}

/** Requests and SMS sends spread over the recent past, as if the website had been running. */
export function generateHistory(ctx: GeneratorContext, counts: GenerateCounts, nowMs: number): GeneratedBatch {
  const { rng, sms } = ctx;
  const requests = new RequestTable(rng.uint32());
  const kinds = shuffle(rng, requestKindsOf(counts));
  const requestTimes = sortedInstants(rng, kinds.length, nowMs - REQUEST_HISTORY_DAYS * DAY_MS, nowMs);
  addRequests(rng, requests, kinds, requestTimes, nowMs);
  const firstSms = addSmsBatchAt(ctx, counts.sms ?? 0, nowMs - SMS_HISTORY_DAYS * DAY_MS, nowMs);
  const portal = portalRecords(rng, counts.portal ?? 0, nowMs - SMS_HISTORY_DAYS * DAY_MS, nowMs);
  return inArrivalOrder(requests, sms, firstSms, portal);
}

/** New requests and sends arriving now (the background generator and the live demo). */
export function generateArrivals(ctx: GeneratorContext, counts: GenerateCounts, nowMs: number): GeneratedBatch {
  const { rng, sms } = ctx;
  const requests = new RequestTable(rng.uint32());
  const kinds = shuffle(rng, requestKindsOf(counts));
  addRequests(rng, requests, kinds, new Float64Array(kinds.length).fill(Math.floor(nowMs / 1000) * 1000), nowMs);
  const firstSms = addSmsBatchAt(ctx, counts.sms ?? 0, nowMs - 60_000, nowMs);
  return inArrivalOrder(requests, sms, firstSms);
}

function addSmsBatchAt(ctx: GeneratorContext, n: number, fromMs: number, toMs: number): number {
  if (n <= 0) return ctx.sms.count;
  return addSmsBatch(ctx.rng, ctx.sms, n, fromMs, toMs);
}
