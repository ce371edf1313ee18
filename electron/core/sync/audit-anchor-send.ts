// Anchors this workstation's audit chain at the backend (issue 14): the entries written since the
// head the backend has, so it can recompute every hash and accept only a head that extends its
// copy. Whoever rewrites this database cannot make the backend's head disappear, and a chain
// that no longer contains it is refused there and shown to the supervisors.
import { asc, eq, gt } from 'drizzle-orm';
import { AuditAnchorWire, type AuditChainEntry } from '../../../shared/sync-api';
import { AUDIT_HEAD_SENT_KEY, recordHeadSent, type AuditAnchor } from '../audit/audit-log';
import type { DeskDb } from '../db/open';
import { auditLog } from '../db/schema';
import { readState, writeState } from '../db/state';
import { apiErrorCode, type BackendClient } from './backend-client';
import { SessionExpiredError, UnexpectedAnswerError } from './sync-errors';

/** Entries per request; the backend takes at most 5,000 and 4 MiB. */
const CHUNK_ENTRIES = 1_000;
const CHUNK_BYTES = 2 * 1024 * 1024;
/** Set when the backend refused this chain; cleared by the next accepted head. */
export const AUDIT_ANCHOR_REFUSED_KEY = 'audit.anchor_refused';

export interface AnchorReport {
  /** Entries the backend has taken into its copy in this run. */
  anchored: number;
  /** Why the backend refused the chain (German), or null. */
  refused: string | null;
}

export async function sendAuditHead(db: DeskDb, client: BackendClient): Promise<AnchorReport> {
  // A refused chain stays refused (the backend will not take a head that skips its own); sending
  // it again every few seconds would only flood the supervisors' feed with the same alert.
  const alreadyRefused = readState(db, AUDIT_ANCHOR_REFUSED_KEY);
  if (alreadyRefused) return { anchored: 0, refused: alreadyRefused };
  let from = sentAnchor(db);
  let anchored = 0;
  let resynced = false;
  for (;;) {
    const entries = entriesAfter(db, from?.seq ?? 0);
    if (entries.length === 0) {
      // Nothing new: the backend already has this head (or the log is empty).
      return { anchored, refused: null };
    }
    const last = entries.at(-1)!;
    const head = { seq: last.seq, hash: last.hash };
    const answer = await client.call('POST', '/audit-head', { head, entries: entries.map(toWire) });
    if (answer.status === 401) throw new SessionExpiredError();
    if (answer.status === 200) {
      db.transaction(() => {
        recordHeadSent(db, head);
        writeState(db, AUDIT_ANCHOR_REFUSED_KEY, null);
      });
      anchored += entries.length;
      from = head;
      continue;
    }
    const expected = answer.status === 409 ? expectedHead(answer.body) : undefined;
    if (expected === undefined) throw new UnexpectedAnswerError('Prüfprotokoll-Anker', answer.status, apiErrorCode(answer.body));
    // The backend has another head than we noted (a lost answer, a backend reset, a first send
    // after the update): once, start again from its head if our chain still contains it.
    if (!resynced && (expected === null || containsAnchor(db, expected))) {
      resynced = true;
      from = expected;
      continue;
    }
    const refused = expected
      ? `Das Backend hat den Prüfprotokoll-Stand dieses Arbeitsplatzes abgelehnt: Eintrag ${expected.seq} fehlt hier oder wurde verändert. Die Leitung sieht die Meldung.`
      : 'Das Backend hat den Prüfprotokoll-Stand dieses Arbeitsplatzes abgelehnt.';
    writeState(db, AUDIT_ANCHOR_REFUSED_KEY, refused);
    return { anchored, refused };
  }
}

function sentAnchor(db: DeskDb): AuditAnchor | null {
  const raw = readState(db, AUDIT_HEAD_SENT_KEY);
  if (!raw) return null;
  const parsed = AuditAnchorWire.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

/** The next chunk after `seq`, within the entry and byte limits. */
function entriesAfter(db: DeskDb, seq: number): (typeof auditLog.$inferSelect)[] {
  const rows = db.select().from(auditLog).where(gt(auditLog.seq, seq)).orderBy(asc(auditLog.seq)).limit(CHUNK_ENTRIES).all();
  let bytes = 0;
  const chunk: (typeof auditLog.$inferSelect)[] = [];
  for (const row of rows) {
    bytes += row.details.length + row.actor.length + (row.subject?.length ?? 0) + 120;
    if (chunk.length > 0 && bytes > CHUNK_BYTES) break;
    chunk.push(row);
  }
  return chunk;
}

function toWire(row: typeof auditLog.$inferSelect): AuditChainEntry {
  return { seq: row.seq, at: row.at, actor: row.actor, action: row.action, subject: row.subject, details: row.details };
}

/** The backend's head from a 409 audit_head_refused: null (it has none), an anchor, or undefined (another answer). */
function expectedHead(body: unknown): AuditAnchor | null | undefined {
  if (!body || typeof body !== 'object' || (body as { reason?: unknown }).reason !== 'audit_head_refused') return undefined;
  const expected = (body as { expected?: unknown }).expected;
  if (expected === null) return null;
  const parsed = AuditAnchorWire.safeParse(expected);
  return parsed.success ? parsed.data : undefined;
}

function containsAnchor(db: DeskDb, anchor: AuditAnchor): boolean {
  if (anchor.seq === 0) return true;
  const row = db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.seq, anchor.seq)).get();
  return row?.hash === anchor.hash;
}
