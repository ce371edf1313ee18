// The audit log: every purge, rule change, hold, lookup and disclosure, chained by SHA-256 so
// that an edited, removed, inserted or reordered entry shows. Entries never hold personal data
// in clear: a value that must stay matchable goes through `keyedHash` (audit-keys.ts), whose keys
// are deleted once the SMS data they concern is purged.
//
// Cutting off the tail leaves a valid (shorter) chain, so the chain alone cannot show it. Two
// anchors do (see SECURITY.md, "Audit log"):
// - the head kept beside the log: every append also records {seq, hash} of the new last entry
//   under `audit.head`, in the same transaction; the chain must end exactly there;
// - the head reported to the backend with the receipts (`auditHead`), recorded locally under
//   `audit.head_sent`: the chain must still contain it. The backend's copy is out of reach of
//   whoever edits this database; `verifyAudit(db, { anchors })` checks a head read from there.
import { createHash } from 'node:crypto';
import { desc } from 'drizzle-orm';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { auditLog } from '../db/schema';
import { readState, writeState } from '../db/state';

export const GENESIS_HASH = '0'.repeat(64);

/** sync_state keys of the two anchors. */
export const AUDIT_HEAD_KEY = 'audit.head';
export const AUDIT_HEAD_SENT_KEY = 'audit.head_sent';

export interface AuditEntryInput {
  actor: string;
  action: string;
  subject?: string | null;
  details?: Record<string, string | number | boolean | null>;
}

type ChainedFields = Pick<typeof auditLog.$inferSelect, 'seq' | 'at' | 'actor' | 'action' | 'subject' | 'details' | 'prevHash'>;

/** A point of the chain someone wrote down: the entry `seq` had hash `hash`. */
export interface AuditAnchor {
  seq: number;
  hash: string;
}

export function entryHash(e: ChainedFields): string {
  return createHash('sha256')
    .update(JSON.stringify([e.prevHash, e.seq, e.at, e.actor, e.action, e.subject, e.details]))
    .digest('hex');
}

export function appendAudit(db: DeskDb, clock: Clock, input: AuditEntryInput): void {
  db.transaction(() => {
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
    const hash = entryHash(fields);
    db.insert(auditLog).values({ ...fields, hash }).run();
    writeState(db, AUDIT_HEAD_KEY, JSON.stringify({ seq: fields.seq, hash } satisfies AuditAnchor));
  });
}

/** The head as recorded beside the log (null before the first entry). */
export function auditHead(db: DeskDb): AuditAnchor | null {
  return parseAnchor(readState(db, AUDIT_HEAD_KEY));
}

/** Notes that `head` reached the backend: from now on the chain must always contain it. */
export function recordHeadSent(db: DeskDb, head: AuditAnchor): void {
  writeState(db, AUDIT_HEAD_SENT_KEY, JSON.stringify(head));
}

function parseAnchor(raw: string | null): AuditAnchor | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<AuditAnchor>;
    if (typeof value.seq === 'number' && typeof value.hash === 'string') return { seq: value.seq, hash: value.hash };
  } catch {
    // fall through: a mangled anchor is reported as such by verifyAudit
  }
  return { seq: -1, hash: 'beschädigt' };
}

export type AuditVerdict = { ok: true; entries: number; head: string } | { ok: false; entries: number; brokenAt: number; reason: string };

export interface VerifyOptions {
  /** Heads known from elsewhere (e.g. the backend's record): each must still be in the chain. */
  anchors?: readonly AuditAnchor[];
}

/** Walks the chain from the start; names the first entry that does not fit, then checks the anchors. */
export function verifyAudit(db: DeskDb, options: VerifyOptions = {}): AuditVerdict {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  const mustContain = [...(options.anchors ?? [])];
  const sent = parseAnchor(readState(db, AUDIT_HEAD_SENT_KEY));
  if (sent) mustContain.push(sent);
  const seen = new Map<number, string>();
  // Iterated, not loaded: the log grows without bound.
  const rows = db.$client
    .prepare('SELECT seq, at, actor, action, subject, details, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq')
    .iterate() as IterableIterator<ChainedFields & { hash: string }>;
  for (const row of rows) {
    count++;
    if (row.seq !== expectedSeq) return { ok: false, entries: count, brokenAt: row.seq, reason: `Eintrag ${expectedSeq} fehlt` };
    if (row.prevHash !== prevHash) return { ok: false, entries: count, brokenAt: row.seq, reason: 'Verkettung unterbrochen' };
    if (entryHash(row) !== row.hash) return { ok: false, entries: count, brokenAt: row.seq, reason: 'Inhalt verändert' };
    if (mustContain.some((a) => a.seq === row.seq)) seen.set(row.seq, row.hash);
    prevHash = row.hash;
    expectedSeq++;
  }
  const last = count;
  const head = parseAnchor(readState(db, AUDIT_HEAD_KEY));
  if (count > 0 && !head) return { ok: false, entries: count, brokenAt: last, reason: 'Vermerk des letzten Eintrags fehlt' };
  if (head && (head.seq !== last || head.hash !== (last === 0 ? null : prevHash))) {
    return head.seq > last
      ? { ok: false, entries: count, brokenAt: last + 1, reason: `Ende abgeschnitten: ${head.seq - last} Einträge nach ${last} fehlen` }
      : { ok: false, entries: count, brokenAt: last, reason: 'Letzter Eintrag passt nicht zum vermerkten Stand' };
  }
  for (const anchor of mustContain) {
    if (seen.get(anchor.seq) === anchor.hash) continue;
    return anchor.seq > last
      ? { ok: false, entries: count, brokenAt: last + 1, reason: `Ende abgeschnitten: Eintrag ${anchor.seq} wurde dem Backend gemeldet, fehlt aber` }
      : { ok: false, entries: count, brokenAt: anchor.seq, reason: 'Eintrag weicht vom an das Backend gemeldeten Stand ab' };
  }
  return { ok: true, entries: count, head: prevHash };
}
