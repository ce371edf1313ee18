// Synthetic data for the demo, tests and benchmarks: deterministic for a seed and a clock.
import { AUDIENCE_SMS, ENTRY_QUEUED, ENTRY_SMS, type EventLog } from '../state/event-log';
import { type RequestTable } from '../state/request-table';
import { type SmsTable } from '../state/sms-table';
import { DAY_MS } from '../time';
import { type Prng } from './prng';
import { addRequests, requestKindsOf, shuffle, sortedInstants, type RequestCounts } from './request-batch';
import { addSmsBatch } from './sms-batch';

export interface GenerateCounts extends RequestCounts {
  sms?: number;
}

export interface GeneratorTarget {
  rng: Prng;
  requests: RequestTable;
  sms: SmsTable;
  log: EventLog;
}

/** Requests in the demo arrived over the last five days; the SMS log reaches 100 days back,
 * so some of it is already past the 90-day retention and the client's sweep has work. */
export const REQUEST_HISTORY_DAYS = 5;
export const SMS_HISTORY_DAYS = 100;

/**
 * Adds requests and SMS sends spread over the recent past, and appends their feed events in
 * time order (two sorted runs merged), as if the feed had been recording all along.
 */
export function generateHistory(target: GeneratorTarget, counts: GenerateCounts, nowMs: number): void {
  const { rng, requests, sms, log } = target;
  const kinds = shuffle(rng, requestKindsOf(counts));
  const requestTimes = sortedInstants(rng, kinds.length, nowMs - REQUEST_HISTORY_DAYS * DAY_MS, nowMs);
  const firstRequest = addRequests(rng, requests, kinds, requestTimes, nowMs);
  const smsCount = counts.sms ?? 0;
  const firstSms = addSmsBatch(rng, sms, smsCount, nowMs - SMS_HISTORY_DAYS * DAY_MS, nowMs);

  log.reserve(kinds.length + smsCount);
  let r = firstRequest;
  let s = firstSms;
  const requestEnd = requests.count;
  const smsEnd = sms.count;
  while (r < requestEnd || s < smsEnd) {
    if (s >= smsEnd || (r < requestEnd && requests.receivedAt(r) <= sms.sentAt(s))) {
      log.append(ENTRY_QUEUED, r, requests.kindCode(r));
      r++;
    } else {
      log.append(ENTRY_SMS, s, AUDIENCE_SMS);
      s++;
    }
  }
}

/** New requests and sends arriving now (the background generator and live demo). */
export function generateArrivals(target: GeneratorTarget, counts: GenerateCounts, nowMs: number): void {
  const { rng, requests, sms, log } = target;
  const kinds = shuffle(rng, requestKindsOf(counts));
  const first = addRequests(rng, requests, kinds, new Float64Array(kinds.length).fill(Math.floor(nowMs / 1000) * 1000), nowMs);
  for (let r = first; r < requests.count; r++) log.append(ENTRY_QUEUED, r, requests.kindCode(r));
  const smsCount = counts.sms ?? 0;
  if (smsCount > 0) {
    const firstSms = addSmsBatch(rng, sms, smsCount, nowMs - 60_000, nowMs);
    for (let s = firstSms; s < sms.count; s++) log.append(ENTRY_SMS, s, AUDIENCE_SMS);
  }
}
