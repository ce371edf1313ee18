// Each rule one second before and one second after its limit, with limits on both sides of the
// daylight-saving changes of 2026 (29 March, 25 October). The scheduler's soonest expiry must
// name the same instant.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { DeskDb } from '../db/open';
import { personalData, requests, smsHolds, smsLog } from '../db/schema';
import { fixedClock, tempDatabase } from '../test-support/fixtures';
import { nextExpiry } from './next-expiry';
import { changeRule } from './rules';
import { sweepRetention } from './sweep';
import { seedConfirmedHold, seedRequest, seedSms } from './test-world';

const SECOND = 1_000;

interface Case {
  name: string;
  /** The instant the rule makes it due. */
  limit: string;
  seed(db: DeskDb): string;
  gone(db: DeskDb, id: string): boolean;
}

const hasData = (db: DeskDb, id: string) => db.select().from(personalData).where(eq(personalData.requestId, id)).get() !== undefined;
const smsGone = (db: DeskDb, id: string) => db.select().from(smsLog).where(eq(smsLog.id, id)).get() === undefined;
const expired = (db: DeskDb, id: string) => db.select().from(requests).where(eq(requests.id, id)).get()?.outcome === 'expired';

const cases: Case[] = [
  // Spring: the expiry day 29 March starts at 00:00 CET = 23:00Z the day before.
  { name: 'callback expiry, 14 days after the preferred date (into summer time)', limit: '2026-03-28T23:00:00.000Z', seed: (db) => seedRequest(db, { preferredDate: '2026-03-15' }), gone: expired },
  // Autumn: 25 October starts at 00:00 CEST = 22:00Z the day before.
  { name: 'callback expiry (out of summer time)', limit: '2026-10-24T22:00:00.000Z', seed: (db) => seedRequest(db, { preferredDate: '2026-10-11' }), gone: expired },
  {
    name: 'proof retention ends after its until day (into summer time)',
    limit: '2026-03-28T23:00:00.000Z',
    seed: (db) => seedRequest(db, { kind: 'contact', closedAt: '2025-03-01T10:00:00.000Z', retainedUntil: '2026-03-28', reason: 'proof', name: 'Paula Nachweis' }),
    gone: (db, id) => !hasData(db, id),
  },
  {
    name: 'statutory retention ends (out of summer time)',
    limit: '2026-10-24T22:00:00.000Z',
    seed: (db) => seedRequest(db, { kind: 'equality', closedAt: '2020-01-10T10:00:00.000Z', retainedUntil: '2026-10-24', reason: 'statutory', name: 'Stefan Gesetz' }),
    gone: (db, id) => !hasData(db, id),
  },
  {
    name: 'customer care capped at 1 year after closing, although until says later',
    // Closed 2025-10-25 (Berlin), cap 2026-10-25, due 2026-10-26 00:00 CET = 23:00Z.
    limit: '2026-10-25T23:00:00.000Z',
    seed: (db) => seedRequest(db, { kind: 'contact', closedAt: '2025-10-25T08:00:00.000Z', retainedUntil: '2026-12-31', reason: 'customer_care', name: 'Karl Kappe' }),
    gone: (db, id) => !hasData(db, id),
  },
  // 12:00 CET on 15 January + 90 Berlin days = 12:00 CEST on 15 April = 10:00Z (not 11:00Z).
  { name: 'SMS 90 days after sending (into summer time)', limit: '2026-04-15T10:00:00.000Z', seed: (db) => seedSms(db, '2026-01-15T11:00:00.000Z'), gone: smsGone },
  // 12:00 CEST on 1 August + 90 days = 12:00 CET on 30 October = 11:00Z.
  { name: 'SMS 90 days after sending (out of summer time)', limit: '2026-10-30T11:00:00.000Z', seed: (db) => seedSms(db, '2026-08-01T10:00:00.000Z'), gone: smsGone },
  {
    name: 'SMS under a legal hold until 28 March, then purged',
    limit: '2026-03-28T23:00:00.000Z',
    seed: (db) => {
      seedConfirmedHold(db, '5550001', '2026-03-28');
      return seedSms(db, '2025-12-01T10:00:00.000Z', '5550001');
    },
    gone: smsGone,
  },
];

describe('retention limits, one second either side', () => {
  for (const c of cases) {
    it(c.name, () => {
      const { db } = tempDatabase();
      const clock = fixedClock(c.limit);
      clock.advance(-SECOND);
      const id = c.seed(db);
      expect(nextExpiry(db, clock())?.toISOString()).toBe(c.limit);
      sweepRetention(db, clock);
      expect(c.gone(db, id)).toBe(false);
      clock.advance(2 * SECOND);
      sweepRetention(db, clock);
      expect(c.gone(db, id)).toBe(true);
    });
  }

  it('a closed callback is purged at closing, not a moment before', () => {
    const { db } = tempDatabase();
    const clock = fixedClock('2026-03-29T00:59:59.000Z');
    const id = seedRequest(db, { status: 'claimed', name: 'Clara Schluss' });
    sweepRetention(db, clock);
    expect(hasData(db, id)).toBe(true);
    clock.advance(2 * SECOND);
    db.update(requests).set({ status: 'closed', closedAt: clock().toISOString(), outcome: 'resolved' }).where(eq(requests.id, id)).run();
    expect(nextExpiry(db, clock())?.toISOString()).toBe(clock().toISOString());
    sweepRetention(db, clock);
    expect(hasData(db, id)).toBe(false);
  });

  it('a tightened SMS period moves the limit: 30 days', () => {
    const { db } = tempDatabase();
    const clock = fixedClock('2026-03-01T10:59:59.000Z');
    changeRule(db, clock, { userId: 'u', displayName: 'L' }, 'sms_log', 30);
    const id = seedSms(db, '2026-01-30T11:00:00.000Z');
    sweepRetention(db, clock);
    expect(smsGone(db, id)).toBe(false);
    clock.advance(2 * SECOND);
    sweepRetention(db, clock);
    expect(smsGone(db, id)).toBe(true);
  });

  it('an ended legal hold forgets its customer number', () => {
    const { db } = tempDatabase();
    const clock = fixedClock('2026-03-29T00:00:00.000Z');
    const hold = seedConfirmedHold(db, '5550002', '2026-03-28');
    sweepRetention(db, clock);
    expect(db.select().from(smsHolds).where(eq(smsHolds.id, hold)).get()).toMatchObject({ customerNumber: null, endedAt: clock().toISOString() });
  });
});
