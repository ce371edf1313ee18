import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { personalData, purgeQueue, receipts, requests, smsLog, tombstones } from '../db/schema';
import { fixedClock, tempDatabase } from '../test-support/fixtures';
import { filesBelow, scanFiles } from './raw-scan';
import { planPurges, smsCut } from './plan';
import { enqueuePlan, PURGE_BATCH, runPurgeQueue, SMS_BATCH } from './purge-queue';
import { dryRun } from './dry-run';
import { changeRule, readRules } from './rules';
import { sweepRetention } from './sweep';
import { seedRequest, seedSms } from './test-world';

const NOW = '2026-11-25T09:00:00.000Z';

/** A mix of everything the sweep handles: due and not due. */
function world() {
  const { db, dir, file } = tempDatabase();
  const clock = fixedClock(NOW);
  const ids = {
    staleCallback: seedRequest(db, { preferredDate: '2026-11-01' }),
    freshCallback: seedRequest(db, { preferredDate: '2026-11-20' }),
    closedWithData: seedRequest(db, { kind: 'contact', closedAt: '2026-11-25T08:00:00.000Z', name: 'Fritz Purgemann' }),
    heldLong: seedRequest(db, { kind: 'contact', closedAt: '2026-06-01T08:00:00.000Z', retainedUntil: '2027-05-31', reason: 'customer_care', name: 'Greta Aufbewahrt' }),
    heldEnded: seedRequest(db, { kind: 'dpo', closedAt: '2025-06-01T08:00:00.000Z', retainedUntil: '2026-11-24', reason: 'proof', name: 'Hanna Abgelaufen' }),
    closedYesterday: seedRequest(db, { kind: 'contact', closedAt: '2026-11-24T08:00:00.000Z' }),
  };
  const oldSms = Array.from({ length: 3 }, (_, i) => seedSms(db, `2026-08-0${i + 1}T10:00:00.000Z`));
  const newSms = seedSms(db, '2026-11-01T10:00:00.000Z');
  return { db, dir, file, clock, ids, oldSms, newSms };
}

describe('dry run and sweep', () => {
  it('the real run purges exactly the set the dry run showed', () => {
    const { db, clock, ids, oldSms, newSms } = world();
    const plan = planPurges(db, clock(), readRules(db));
    expect(plan.filter((p) => p.action !== 'sms').map((p) => [p.action, p.targetId, p.rule])).toEqual([
      ['expire', ids.staleCallback, 'callback_expired'],
      ...[
        ['retire', ids.closedWithData, 'case_closed'],
        ['drop', ids.heldEnded, 'retention_ended'],
      ].sort((a, b) => a[1]!.localeCompare(b[1]!)),
      ['drop', ids.closedYesterday, 'case_closed'],
    ]);
    expect(plan.filter((p) => p.action === 'sms')).toEqual([{ action: 'sms', targetId: smsCut(clock(), readRules(db)), kind: 'sms', rule: 'sms_90_days', count: oldSms.length }]);

    const before = new Set(db.select({ id: personalData.requestId }).from(personalData).all().map((r) => r.id));
    const report = sweepRetention(db, clock);
    expect(report).toEqual({ purged: 2, expired: 1, smsPurged: 3, portalPurged: 0 });
    const after = new Set(db.select({ id: personalData.requestId }).from(personalData).all().map((r) => r.id));
    const purged = [...before].filter((id) => !after.has(id)).sort();
    expect(purged).toEqual([ids.closedWithData, ids.heldEnded].sort());
    expect(db.select({ id: smsLog.id }).from(smsLog).all().map((r) => r.id)).toEqual([newSms]);
    const tombstoned = db.select({ id: tombstones.requestId }).from(tombstones).all().map((r) => r.id).sort();
    expect(tombstoned).toEqual(plan.filter((p) => p.kind !== 'sms').map((p) => p.targetId).sort());
    expect(db.select().from(requests).where(eq(requests.id, ids.closedYesterday)).get()).toBeUndefined();
    expect(after.has(ids.heldLong)).toBe(true);
    // Nothing else is due: a second sweep plans nothing.
    expect(planPurges(db, clock(), readRules(db))).toEqual([]);
    expect(db.select().from(receipts).where(eq(receipts.rule, 'sms_90_days')).all()).toHaveLength(1);
  });

  it('a tightened rule shows up in the dry run, and applying it purges exactly that set', () => {
    const { db, clock, ids } = world();
    sweepRetention(db, clock); // what is due anyway is gone first
    const preview = dryRun(db, clock, { key: 'retention_customer_care', period: 0 });
    expect(preview.requests).toEqual([{ id: ids.heldLong, kind: 'contact', rule: 'retention_ended', action: 'drop' }]);
    expect(planPurges(db, clock(), readRules(db))).toEqual([]); // the dry run wrote nothing

    changeRule(db, clock, { userId: 'u-sup', displayName: 'Sina' }, 'retention_customer_care', 0);
    const before = db.select({ id: personalData.requestId }).from(personalData).all().map((r) => r.id);
    sweepRetention(db, clock);
    const after = new Set(db.select({ id: personalData.requestId }).from(personalData).all().map((r) => r.id));
    expect(before.filter((id) => !after.has(id))).toEqual(preview.requests.map((r) => r.id));
  });

  it('a purge interrupted between batches is finished by the next sweep, nothing twice, nothing left on disk', () => {
    const { db, file, dir, clock } = world();
    const names = Array.from({ length: PURGE_BATCH + 20 }, (_, i) => `Kanari Batchfrau ${i}x`);
    for (const name of names) seedRequest(db, { kind: 'contact', closedAt: '2026-11-25T07:00:00.000Z', name });
    const rules = readRules(db);
    enqueuePlan(db, clock, planPurges(db, clock(), rules), smsCut(clock(), rules));
    runPurgeQueue(db, clock, {}, 1); // one batch, then the "crash"
    expect(db.select().from(purgeQueue).all().length).toBeGreaterThan(0);
    db.$client.close();

    const reopened = openDatabase(file);
    const report = sweepRetention(reopened, clock);
    expect(report.purged).toBeGreaterThan(0);
    expect(reopened.select().from(purgeQueue).all()).toEqual([]);
    expect(reopened.select().from(personalData).all().map((r) => r.name)).toEqual(['Greta Aufbewahrt']);
    const receiptIds = reopened.select({ id: receipts.requestId }).from(receipts).all().map((r) => r.id).filter(Boolean);
    expect(new Set(receiptIds).size).toBe(receiptIds.length);
    reopened.$client.close();
    expect(scanFiles(filesBelow(dir), names.slice(0, 50))).toEqual([]);
  });

  it('an SMS cut interrupted after one batch resumes with the same cut and one receipt', () => {
    const { db, clock } = world();
    db.transaction(() => {
      for (let i = 0; i < SMS_BATCH + 700; i++) seedSms(db, new Date(Date.parse('2026-07-01T00:00:00Z') + i * 1000).toISOString(), String(1000 + (i % 50)));
    });
    const rules = readRules(db);
    const cut = smsCut(clock(), rules);
    enqueuePlan(db, clock, planPurges(db, clock(), rules).filter((p) => p.action === 'sms'), cut);
    expect(runPurgeQueue(db, clock, {}, 1).smsPurged).toBe(SMS_BATCH);
    expect(db.select().from(receipts).all()).toEqual([]); // no receipt before the cut is complete
    clock.advance(60_000); // a later sweep, as after a restart
    sweepRetention(db, clock);
    expect(db.select().from(smsLog).all()).toHaveLength(1); // only the recent one
    const smsReceipts = db.select().from(receipts).all().filter((r) => r.smsBefore !== null);
    expect(smsReceipts.map((r) => r.smsBefore)).toEqual([cut]);
  });
});
