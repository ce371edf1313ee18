import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../audit/audit-log';
import { personalData, receipts, selfTests, smsLog, tombstones } from '../db/schema';
import { fixedClock, tempDatabase } from '../test-support/fixtures';
import { runSelfTest } from './self-test';

describe('deletion self-test', () => {
  it('passes with secure_delete: canaries purged by the sweep, no marker in any file, result stored and audited', () => {
    const { db, dir } = tempDatabase();
    const result = runSelfTest(db, fixedClock('2026-11-25T09:00:00Z'), dir, 'u-sup');
    expect(result).toMatchObject({ passed: true, findings: [], actor: 'u-sup' });
    expect(result.files).toEqual(expect.arrayContaining(['servicedesk.sqlite']));
    expect(db.select().from(personalData).all()).toEqual([]);
    expect(db.select().from(smsLog).all()).toEqual([]);
    // The canary leaves no proof rows behind that could reach the backend.
    expect(db.select().from(tombstones).all()).toEqual([]);
    expect(db.select().from(receipts).all().every((r) => r.requestId === null)).toBe(true);
    expect(db.select().from(selfTests).all()).toHaveLength(1);
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('fails, naming the files, when secure_delete is off', () => {
    const { db, dir } = tempDatabase({ secureDelete: false });
    const result = runSelfTest(db, fixedClock('2026-11-25T09:00:00Z'), dir, 'u-sup');
    expect(result.passed).toBe(false);
    expect(result.findings.map((f) => f.file)).toContain('servicedesk.sqlite');
  });
});
