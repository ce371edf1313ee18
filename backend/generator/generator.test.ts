import { isValidPhoneNumber, parsePhoneNumber } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { CallbackPayload, FeedEvent, MessagePayload } from '../../shared/sync-api';
import { berlinDay, DAY_MS, dayToIsoDate, instant } from '../time';
import { generateArrivals, generateHistory, generatorContext, type GeneratedBatch, type GenerateCounts, type GeneratorContext } from './index';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES } from './names';
import { claimedRequest } from './payload';
import { bochumLandline, germanMobile } from './phones';
import { Prng } from './prng';

const NOW = Date.parse('2026-11-24T09:15:00Z');

type Generated = GeneratedBatch & { ctx: GeneratorContext };

function generated(seed: number, counts: GenerateCounts, now = NOW): Generated {
  const ctx = generatorContext(seed);
  return { ...generateHistory(ctx, counts, now), ctx };
}

/** The k-th item of a batch as the feed event the loader makes of it (scratch ids). */
function eventAt(batch: GeneratedBatch, k: number): FeedEvent {
  const ref = batch.ref[k] ?? 0;
  if (batch.isSms[k]) {
    const sms = batch.sms.record(ref);
    return { id: sms.id, type: 'sms.logged', at: sms.sentAt, sms };
  }
  const request = batch.requests.queueEntry(ref);
  return { id: request.id, type: 'request.queued', at: instant(batch.requests.receivedAt(ref)), request };
}

/** Everything a client could ever learn: feed events and claim payloads. */
function content(state: GeneratedBatch): unknown[] {
  const out: unknown[] = [];
  for (let k = 0; k < state.length; k++) out.push(eventAt(state, k));
  for (let i = 0; i < state.requests.count; i++) out.push(claimedRequest(state.requests.ids[i] ?? '', state.requests.row(i)));
  return out;
}

const COUNTS = { callbacks: 300, contacts: 200, dpo: 60, equality: 60, sms: 20_000 };

describe('generator', () => {
  it('is deterministic for a seed and a clock, and differs between seeds', () => {
    const a = content(generated(11, COUNTS));
    const b = content(generated(11, COUNTS));
    const c = content(generated(12, COUNTS));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('produces only events that parse with the shared FeedEvent schema, in time order', () => {
    const state = generated(3, COUNTS);
    expect(state.length).toBe(300 + 200 + 60 + 60 + 20_000);
    let previous = '';
    const ids = new Set<string>();
    for (let pos = 0; pos < state.length; pos++) {
      const event = FeedEvent.parse(eventAt(state, pos));
      expect(event.at >= previous).toBe(true);
      previous = event.at;
      ids.add(event.id);
    }
    expect(ids.size).toBe(state.length);
  });

  it('derives personal data that parses with the claim payload schemas', () => {
    const state = generated(4, COUNTS);
    const texts: string[] = [];
    for (let i = 0; i < state.requests.count; i++) {
      const request = claimedRequest(state.requests.ids[i] ?? '', state.requests.row(i));
      if (request.kind === 'callback') CallbackPayload.parse(request.payload);
      else texts.push(MessagePayload.parse(request.payload).subject + MessagePayload.parse(request.payload).message);
    }
    // Markup and quotes turn up, so the UI is tested to show text, not render HTML.
    expect(texts.some((t) => t.includes('<b>'))).toBe(true);
    expect(texts.some((t) => t.includes('"'))).toBe(true);
    expect(texts.every((t) => !/\{\w+\}/.test(t))).toBe(true);
  });

  it('writes phone numbers that are valid for DE: Bochum landlines and mobile numbers', () => {
    const rng = new Prng(5);
    const types = new Set<string | undefined>();
    for (let i = 0; i < 2000; i++) {
      for (const phone of [bochumLandline(rng), germanMobile(rng)]) {
        expect(isValidPhoneNumber(phone, 'DE'), phone).toBe(true);
        types.add(parsePhoneNumber(phone, 'DE').getType());
      }
    }
    expect(types).toEqual(new Set(['FIXED_LINE', 'MOBILE']));
    const state = generated(6, { callbacks: 500 });
    const phones = Array.from({ length: 500 }, (_, i) => {
      const request = claimedRequest(state.requests.ids[i] ?? '', state.requests.row(i));
      return request.kind === 'callback' ? request.payload.phone : '';
    });
    expect(phones.every((p) => isValidPhoneNumber(p, 'DE'))).toBe(true);
    expect(phones.some((p) => p.startsWith('0234'))).toBe(true);
    expect(phones.some((p) => p.startsWith('+49 234'))).toBe(true);
    expect(phones.some((p) => /^(\+49 |0)1[567]/.test(p))).toBe(true);
  });

  it('uses at least 80 first names and 80 surnames, and all salutations', () => {
    expect(FEMALE_FIRST_NAMES.length + MALE_FIRST_NAMES.length).toBeGreaterThanOrEqual(80);
    expect(new Set(SURNAMES).size).toBeGreaterThanOrEqual(80);
    const state = generated(7, { contacts: 1000 });
    const salutations = new Set(Array.from({ length: 1000 }, (_, i) => {
      const request = claimedRequest(state.requests.ids[i] ?? '', state.requests.row(i));
      return request.payload.salutation;
    }));
    expect(salutations).toEqual(new Set(['Frau', 'Herr', 'divers', null]));
  });

  it('offers callback slots from the arrival day to a week later, two hours between 08:00 and 18:00', () => {
    const state = generated(8, { callbacks: 1000 });
    const today = berlinDay(NOW);
    const dates = new Set<string>();
    for (let i = 0; i < state.requests.count; i++) {
      const entry = state.requests.queueEntry(i);
      if (entry.kind !== 'callback') throw new Error('kind');
      const { preferredDate, preferredWindow } = entry.summary;
      const arrived = berlinDay(Date.parse(entry.receivedAt));
      expect(preferredDate >= dayToIsoDate(arrived) && preferredDate <= dayToIsoDate(arrived + 7)).toBe(true);
      expect(Number(preferredWindow.to.slice(0, 2)) - Number(preferredWindow.from.slice(0, 2))).toBe(2);
      expect(preferredWindow.from >= '08:00' && preferredWindow.to <= '18:00').toBe(true);
      dates.add(preferredDate);
    }
    expect(dates.size).toBeGreaterThanOrEqual(10);
    expect([...dates].some((d) => d < dayToIsoDate(today))).toBe(true);
  });

  it('holds, on any date, a callback wished for a past day and one for a later day', () => {
    const start = Date.parse('2026-01-01T23:30:00Z');
    for (let day = 0; day < 730; day += 1) {
      for (const [seed, callbacks, at] of [[11, 25, start + day * DAY_MS], [23, 30, start + day * DAY_MS + 12.5 * 3_600_000], [5, 2, start + day * DAY_MS + 6 * 3_600_000]] as const) {
        const state = generated(seed, { callbacks, contacts: 3 }, at);
        const today = dayToIsoDate(berlinDay(at));
        const wished = Array.from({ length: state.requests.count }, (_, i) => state.requests.queueEntry(i))
          .flatMap((e) => (e.kind === 'callback' ? [e.summary.preferredDate] : []));
        expect(wished.some((d) => d < today), `past, seed ${seed}, ${new Date(at).toISOString()}`).toBe(true);
        expect(wished.some((d) => d > today), `later, seed ${seed}, ${new Date(at).toISOString()}`).toBe(true);
        for (const d of wished) expect(new Date(`${d}T12:00:00Z`).getUTCDay()).not.toBe(0);
      }
    }
  });

  it('builds an SMS log with old records, both IP versions and misuse patterns', () => {
    const state = generated(9, { sms: 20_000 });
    const records = Array.from({ length: state.sms.count }, (_, i) => state.sms.record(i));
    expect(records.some((r) => Date.parse(r.sentAt) < NOW - 90 * DAY_MS)).toBe(true);
    expect(records.every((r) => Date.parse(r.sentAt) >= NOW - 100 * DAY_MS && Date.parse(r.sentAt) <= NOW)).toBe(true);
    expect(records.some((r) => r.ip.includes(':'))).toBe(true);
    expect(records.some((r) => !r.ip.includes(':'))).toBe(true);

    const perCustomerDay = new Map<string, number>();
    const customersPerIp = new Map<string, Set<string>>();
    for (const r of records) {
      const key = `${r.customerNumber}|${berlinDay(Date.parse(r.sentAt))}`;
      perCustomerDay.set(key, (perCustomerDay.get(key) ?? 0) + 1);
      const set = customersPerIp.get(r.ip) ?? new Set<string>();
      set.add(r.customerNumber);
      customersPerIp.set(r.ip, set);
    }
    const overQuota = [...perCustomerDay.values()].filter((n) => n > 5).length;
    expect(overQuota).toBeGreaterThanOrEqual(3);
    const sharedIps = [...customersPerIp.values()].filter((s) => s.size >= 3).length;
    expect(sharedIps).toBeGreaterThanOrEqual(1);
  });

  it('holds, on any date, a customer over the quota within the retention who sent from a shared address', () => {
    // Every day of two years (both switches of daylight saving time among them), at a time near midnight in Berlin
    // and at noon, with the demo's and the tests' small logs.
    const start = Date.parse('2026-01-01T23:30:00Z');
    for (let day = 0; day < 730; day += 1) {
      for (const [seed, sms, at] of [[11, 100, start + day * DAY_MS], [23, 50, start + day * DAY_MS + 12.5 * 3_600_000]] as const) {
        const state = generated(seed, { callbacks: 3, sms }, at);
        const records = Array.from({ length: state.sms.count }, (_, i) => state.sms.record(i));
        expect(records.map((r) => r.sentAt)).toEqual(records.map((r) => r.sentAt).sort());
        const kept = records.filter((r) => Date.parse(r.sentAt) > at - 89 * DAY_MS);
        const perCustomerDay = new Map<string, number>();
        const customersPerIpDay = new Map<string, Set<string>>();
        for (const r of kept) {
          const key = `${r.customerNumber}|${r.ip}|${berlinDay(Date.parse(r.sentAt))}`;
          perCustomerDay.set(key, (perCustomerDay.get(key) ?? 0) + 1);
          const ipDay = `${r.ip}|${berlinDay(Date.parse(r.sentAt))}`;
          customersPerIpDay.set(ipDay, (customersPerIpDay.get(ipDay) ?? new Set()).add(r.customerNumber));
        }
        const misuse = [...perCustomerDay].some(([key, n]) => {
          const [, ip, berlin] = key.split('|');
          return n > 5 && (customersPerIpDay.get(`${ip}|${berlin}`)?.size ?? 0) > 1;
        });
        expect(misuse, `seed ${seed}, ${new Date(at).toISOString()}`).toBe(true);
      }
    }
  });

  it('adds arrivals at the current time behind the history', () => {
    const state = generated(10, { callbacks: 5, sms: 100 });
    const later = NOW + 60_000;
    const arrivals = generateArrivals(state.ctx, { dpo: 1, sms: 3 }, later);
    expect(arrivals.length).toBe(4);
    const tail = Array.from({ length: 4 }, (_, k) => FeedEvent.parse(eventAt(arrivals, k)));
    // In time order: the sends of the last minute, then the form that arrives now.
    expect(tail.map((e) => e.type)).toEqual(['sms.logged', 'sms.logged', 'sms.logged', 'request.queued']);
    expect(tail[3]).toMatchObject({ at: '2026-11-24T09:16:00Z', request: { kind: 'dpo' } });
    expect(tail.every((e) => e.at >= '2026-11-24T09:15:00Z' && e.at <= '2026-11-24T09:16:00Z')).toBe(true);
  });

  it('generates 100k requests and 1M SMS records in one batch, in time order (speed: bench/)', () => {
    const state = generated(1, { callbacks: 50_000, contacts: 30_000, dpo: 10_000, equality: 10_000, sms: 1_000_000 });
    expect(state.length).toBe(1_100_000);
    expect(state.requests.count).toBe(100_000);
  });
});
