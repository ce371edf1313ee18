// The audit log: every purge, rule change, hold, lookup and disclosure, chained by SHA-256 so
// that an edited, removed or inserted entry shows. Entries never hold personal data in clear:
// a value that must stay matchable goes through `keyedHash`.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { desc } from 'drizzle-orm';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { auditLog } from '../db/schema';
import { readState, STATE_KEYS, writeState } from '../db/state';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryInput {
  actor: string;
  action: string;
  subject?: string | null;
  details?: Record<string, string | number | boolean | null>;
}

type ChainedFields = Pick<typeof auditLog.$inferSelect, 'seq' | 'at' | 'actor' | 'action' | 'subject' | 'details' | 'prevHash'>;

export function entryHash(e: ChainedFields): string {
  return createHash('sha256')
    .update(JSON.stringify([e.prevHash, e.seq, e.at, e.actor, e.action, e.subject, e.details]))
    .digest('hex');
}

export function appendAudit(db: DeskDb, clock: Clock, input: AuditEntryInput): void {
  const last = db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1).get();
  const fields: ChainedFields = {
    seq: (last?.seq ?? 0) + 1,
    at: clock().toISOString(),
    actor: input.actor,
    action: input.action,
    subject: input.subject ?? null,
    details: JSON.stringify(input.details ?? {}),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  db.insert(auditLog).values({ ...fields, hash: entryHash(fields) }).run();
}

export type AuditVerdict = { ok: true; entries: number; head: string } | { ok: false; entries: number; brokenAt: number; reason: string };

/** Walks the chain from the start; names the first entry that does not fit. */
export function verifyAudit(db: DeskDb): AuditVerdict {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  // Iterated, not loaded: the log grows without bound.
  const rows = db.$client
    .prepare('SELECT seq, at, actor, action, subject, details, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq')
    .iterate() as IterableIterator<ChainedFields & { hash: string }>;
  for (const row of rows) {
    count++;
    if (row.seq !== expectedSeq) return { ok: false, entries: count, brokenAt: row.seq, reason: `Eintrag ${expectedSeq} fehlt` };
    if (row.prevHash !== prevHash) return { ok: false, entries: count, brokenAt: row.seq, reason: 'Verkettung unterbrochen' };
    if (entryHash(row) !== row.hash) return { ok: false, entries: count, brokenAt: row.seq, reason: 'Inhalt verändert' };
    prevHash = row.hash;
    expectedSeq++;
  }
  return { ok: true, entries: count, head: prevHash };
}

/** HMAC with a per-installation key: matchable within this workstation, meaningless outside. */
export function keyedHash(db: DeskDb, value: string): string {
  let key = readState(db, STATE_KEYS.auditKey);
  if (!key) {
    key = randomBytes(32).toString('hex');
    writeState(db, STATE_KEYS.auditKey, key);
  }
  return createHmac('sha256', Buffer.from(key, 'hex')).update(value).digest('hex');
}
