// Issue 12, item 7: the audit log's keyed hashes cannot be reversed once the SMS data a lookup
// concerned is purged. Whoever copies the data directory gets every key that is still in it; with
// it, a 10-digit customer number falls to trying them all. Here the "attacker" tries every 64-hex
// string in every file of the data directory as a key over a set of candidate numbers that
// contains the real one: before the purge that recovers the number, after it nothing does, and
// the chain (cli audit verify, the Prüfprotokoll) still verifies.
import { createHmac } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema';
import { filesBelow } from '../retention/raw-scan';
import { sweepRetention } from '../retention/sweep';
import { seedSms } from '../retention/test-world';
import { lookupSms } from '../sms/lookup';
import { DEFAULT_MIGRATIONS_DIR, openDatabase } from '../db/open';
import { fixedClock, tempDatabase, tempDir } from '../test-support/fixtures';
import { verifyAudit } from './audit-log';
import { verdictView } from './audit-query';

const CUSTOMER = '4711000123';
const CANDIDATES = Array.from({ length: 2000 }, (_, i) => String(4711000000 + i));

/** Every customer number a key found in the data directory's files reproduces `hash` for. */
function bruteForce(dir: string, hash: string): string[] {
  const keys = new Set<string>();
  // Every 64-character window of every run of hex digits: stored values sit back to back.
  for (const file of filesBelow(dir)) {
    for (const [run] of readFileSync(file).toString('latin1').matchAll(/[0-9a-f]{64,}/g)) {
      for (let i = 0; i + 64 <= run.length; i++) keys.add(run.slice(i, i + 64));
    }
  }
  const found: string[] = [];
  for (const key of keys) {
    const hmac = (value: string) => createHmac('sha256', Buffer.from(key, 'hex')).update(value).digest('hex');
    for (const candidate of CANDIDATES) if (hmac(candidate) === hash) found.push(candidate);
  }
  return found;
}

describe('audit keys expire with the SMS data', () => {
  it('a lookup’s keyed hash is reversible while the data exists and not after the purge; the chain verifies', () => {
    const { db, dir } = tempDatabase();
    const clock = fixedClock('2026-11-20T10:00:00.000Z');
    seedSms(db, '2026-11-19T08:00:00.000Z', CUSTOMER);
    lookupSms(db, clock, 'u-dpo', { customerNumber: CUSTOMER, caseRef: 'DS-2026-17', purpose: 'Missbrauch' });
    const entry = db.select().from(auditLog).all().find((e) => e.action === 'sms.lookup')!;
    const queryHash = (JSON.parse(entry.details) as { query: string }).query;
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    expect(bruteForce(dir, queryHash)).toEqual([CUSTOMER]);

    // Still within 90 days after the month's end: the key stays (the data may still be looked up).
    clock.set('2027-02-15T10:00:00.000Z');
    sweepRetention(db, clock);
    expect(bruteForce(dir, queryHash)).toEqual([CUSTOMER]);

    // 90 days after the end of November every SMS a November lookup could concern is purged.
    clock.set('2027-03-02T10:00:00.000Z');
    sweepRetention(db, clock);
    expect(db.$client.prepare('SELECT count(*) AS n FROM sms_log').get()).toEqual({ n: 0 });
    expect(bruteForce(dir, queryHash)).toEqual([]);
    const destroyed = db.select().from(auditLog).all().find((e) => e.action === 'audit.keys_destroyed');
    expect(JSON.parse(destroyed!.details)).toMatchObject({ periods: '2026-11' });
    // The stored hash is untouched and the chain still verifies, in the CLI's check and the Prüfprotokoll's.
    expect(db.select().from(auditLog).all().find((e) => e.seq === entry.seq)).toEqual(entry);
    expect(verifyAudit(db)).toMatchObject({ ok: true });
    expect(verdictView(db)).toMatchObject({ ok: true });
  });

  it('the key of the running month stays; later months keep their own keys', () => {
    const { db } = tempDatabase();
    const clock = fixedClock('2026-11-20T10:00:00.000Z');
    lookupSms(db, clock, 'u-dpo', { customerNumber: CUSTOMER, caseRef: 'DS-1', purpose: 'Missbrauch' });
    clock.set('2027-03-02T10:00:00.000Z');
    lookupSms(db, clock, 'u-dpo', { customerNumber: CUSTOMER, caseRef: 'DS-2', purpose: 'Missbrauch' });
    sweepRetention(db, clock);
    expect(db.$client.prepare('SELECT period FROM audit_keys').all()).toEqual([{ period: '2027-03' }]);
  });

  it('the single key of an older version becomes the legacy period, and goes the same way', () => {
    // A database as the version before issue 12 left it: migrations up to 0005, the key in sync_state.
    const older = tempDir();
    cpSync(DEFAULT_MIGRATIONS_DIR, older, { recursive: true });
    const journalFile = path.join(older, 'meta/_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((e) => e.tag < '0006');
    writeFileSync(journalFile, JSON.stringify(journal));
    const file = path.join(tempDir(), 'servicedesk.sqlite');
    const old = openDatabase(file, { migrationsDir: older });
    old.$client.prepare("INSERT INTO sync_state (key, value) VALUES ('audit.key', ?)").run('ab'.repeat(32));
    old.$client.close();

    const db = openDatabase(file);
    expect(db.$client.prepare("SELECT count(*) AS n FROM sync_state WHERE key = 'audit.key'").get()).toEqual({ n: 0 });
    const legacy = db.$client.prepare('SELECT period, key, covers_sms_before AS coversSmsBefore FROM audit_keys').all() as { period: string; key: string; coversSmsBefore: string }[];
    expect(legacy).toMatchObject([{ period: 'legacy', key: 'ab'.repeat(32) }]);
    // Covered: what was sent before the upgrade; destroyed once the purge has passed that.
    const clock = fixedClock(new Date(Date.parse(legacy[0]!.coversSmsBefore) + 91 * 86_400_000).toISOString());
    sweepRetention(db, clock);
    expect(db.$client.prepare('SELECT count(*) AS n FROM audit_keys').get()).toEqual({ n: 0 });
    db.$client.close();
  });
});
