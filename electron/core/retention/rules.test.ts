import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../audit/audit-log';
import { auditLog, retentionRules } from '../db/schema';
import { DeskError } from '../desk-error';
import { fixedClock, tempDatabase } from '../test-support/fixtures';
import { changeRule, listRules, readRules } from './rules';

const supervisor = { userId: 'u-sup', displayName: 'Sabine Leitung' };

describe('retention rules', () => {
  it('start with DESIGN.md defaults, stored tightening applies, every change is audited', () => {
    const { db } = tempDatabase();
    const clock = fixedClock('2026-11-25T09:00:00Z');
    expect(readRules(db)).toMatchObject({ callback_expiry: 14, retention_proof: 3, retention_customer_care: 1, retention_statutory: 10, sms_log: 90, sms_legal_hold: 180 });
    changeRule(db, clock, supervisor, 'sms_log', 60);
    expect(readRules(db).sms_log).toBe(60);
    expect(listRules(db).find((r) => r.key === 'sms_log')).toMatchObject({ period: 60, limit: 90, updatedBy: 'Sabine Leitung' });
    // Loosening back up to the limit is allowed; it is still audited.
    changeRule(db, clock, supervisor, 'sms_log', 90);
    const actions = db.select().from(auditLog).where(eq(auditLog.action, 'rule.change')).all();
    expect(actions.map((a) => JSON.parse(a.details))).toEqual([{ from: 90, to: 60 }, { from: 60, to: 90 }]);
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('the core refuses to loosen past the limit or to touch a fixed rule, and audits the attempt', () => {
    const { db } = tempDatabase();
    const clock = fixedClock('2026-11-25T09:00:00Z');
    expect(() => changeRule(db, clock, supervisor, 'retention_proof', 4)).toThrow(DeskError);
    expect(() => changeRule(db, clock, supervisor, 'callback_expiry', 15)).toThrow(/höchstens 14 Tage/);
    expect(() => changeRule(db, clock, supervisor, 'callback_closed', 0)).toThrow(/fest vorgegeben/);
    expect(db.select().from(retentionRules).all()).toEqual([]);
    expect(db.select().from(auditLog).where(eq(auditLog.action, 'rule.change_refused')).all()).toHaveLength(3);
  });

  it('a value above the limit written into the database behind the core is not believed', () => {
    const { db } = tempDatabase();
    db.insert(retentionRules).values({ key: 'sms_log', period: 400, updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'x' }).run();
    expect(readRules(db).sms_log).toBe(90);
  });
});
