// Issue 15: the portal access log is purged on the workstation at 90 days like the SMS log:
// sparing customers under a confirmed legal hold, one receipt per cut, nothing older accepted from
// the feed afterwards, and the purged records unrecoverable from the database files (raw bytes).
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { portalLog, receipts } from '../db/schema';
import { readState, STATE_KEYS } from '../db/state';
import { ipKey } from '../sms/ip-key';
import { fixedClock, tempDatabase } from '../test-support/fixtures';
import { filesBelow, scanFiles } from './raw-scan';
import { smsCut } from './plan';
import { readRules } from './rules';
import { sweepRetention } from './sweep';
import { seedConfirmedHold } from './test-world';

const NOW = '2026-11-25T09:00:00.000Z';

function seedPortal(db: ReturnType<typeof tempDatabase>['db'], at: string, customerNumber: string, ip = '198.51.100.23'): string {
  const id = randomUUID();
  db.insert(portalLog).values({ id, customerNumber, at, ip, ipKey: ipKey(ip), action: 'login' }).run();
  return id;
}

describe('portal access log purge', () => {
  it('purges records past 90 days except held customers, writes one receipt, and leaves no bytes behind', () => {
    const { db, dir } = tempDatabase();
    const clock = fixedClock(NOW);
    // Distinct customer numbers per old record, so the raw scan can look for each one.
    const old = Array.from({ length: 40 }, (_, i) => String(5_100_000_000 + i));
    for (const [i, customer] of old.entries()) seedPortal(db, `2026-08-${String((i % 20) + 1).padStart(2, '0')}T10:00:00.000Z`, customer, `203.0.113.${i + 1}`);
    const recent = seedPortal(db, '2026-11-20T10:00:00.000Z', '5199999999');
    seedConfirmedHold(db, '5200000000', '2027-01-31');
    const held = seedPortal(db, '2026-07-01T10:00:00.000Z', '5200000000');

    const report = sweepRetention(db, clock);
    expect(report.portalPurged).toBe(old.length);
    expect(db.select({ id: portalLog.id }).from(portalLog).all().map((r) => r.id).sort()).toEqual([recent, held].sort());
    const cut = smsCut(clock(), readRules(db));
    expect(db.select().from(receipts).where(eq(receipts.rule, 'portal_90_days')).all()).toEqual([expect.objectContaining({ smsBefore: cut, status: 'pending' })]);
    expect(Date.parse(readState(db, STATE_KEYS.portalPurgedBefore)!)).toBe(Date.parse(cut) + 1);

    // A second sweep finds nothing more and writes no second receipt.
    expect(sweepRetention(db, clock).portalPurged).toBe(0);
    expect(db.select().from(receipts).where(eq(receipts.rule, 'portal_90_days')).all()).toHaveLength(1);

    db.$client.close();
    expect(scanFiles(filesBelow(dir), old)).toEqual([]);
  });
});
