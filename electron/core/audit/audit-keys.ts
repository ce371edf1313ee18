// Keyed hashes for the audit log, with keys that expire with the data they concern (issue 12).
// A customer number has ten digits: with the key at hand, its HMAC is reversed by trying them
// all in hours. So each UTC month has its own key (table audit_keys), and the retention sweep
// deletes a month's key once every SMS that a lookup in that month could have concerned (all
// sent before the month's end) has been purged. The entries themselves stay as they are: the
// hash chain covers the stored hash text, not the key, so the log still verifies.
import { createHmac, randomBytes } from 'node:crypto';
import { eq, inArray, lte } from 'drizzle-orm';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { auditKeys } from '../db/schema';
import { readState, STATE_KEYS } from '../db/state';
import { appendAudit } from './audit-log';

/** The UTC month of `at` (`2026-11`) and the first instant after it. */
function periodOf(at: Date): { period: string; end: string } {
  const end = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
  return { period: at.toISOString().slice(0, 7), end: end.toISOString() };
}

/** HMAC-SHA-256 with this month's key: matchable on this workstation while the month's SMS data exists, meaningless after. */
export function keyedHash(db: DeskDb, clock: Clock, value: string): string {
  const { period, end } = periodOf(clock());
  db.insert(auditKeys).values({ period, key: randomBytes(32).toString('hex'), coversSmsBefore: end }).onConflictDoNothing().run();
  const key = db.select({ key: auditKeys.key }).from(auditKeys).where(eq(auditKeys.period, period)).get()!.key;
  return createHmac('sha256', Buffer.from(key, 'hex')).update(value).digest('hex');
}

/**
 * Deletes the keys whose SMS data is gone: the purge frontier (`sms.purged_before`: every SMS
 * sent before it is purged, apart from records under a legal hold, kept on purpose) has passed
 * the end of their month. Runs in the sweep, before the WAL is scrubbed. Returns the periods.
 */
export function destroySpentAuditKeys(db: DeskDb, clock: Clock, actor: string): string[] {
  const purgedBefore = readState(db, STATE_KEYS.smsPurgedBefore);
  if (!purgedBefore) return [];
  return db.transaction(() => {
    const spent = db.select({ period: auditKeys.period }).from(auditKeys).where(lte(auditKeys.coversSmsBefore, purgedBefore)).all().map((k) => k.period);
    if (spent.length === 0) return [];
    db.delete(auditKeys).where(inArray(auditKeys.period, spent)).run();
    appendAudit(db, clock, { actor, action: 'audit.keys_destroyed', subject: null, details: { periods: spent.join(','), smsPurgedBefore: purgedBefore } });
    return spent;
  });
}
