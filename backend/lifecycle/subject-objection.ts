// Widerspruch (Art. 21 GDPR, issue 17 part 5): recorded with its scope, decision, grounds and date.
// The effect the app can enforce: a granted objection to being contacted (callbacks) or to
// customer care restricts the person's included, still open requests of that kind, so nobody
// claims and works them (the records stay until their schedule deletes them). An objection to
// another purpose is recorded only: this app runs no such processing to stop.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, like } from 'drizzle-orm';
import { type Objection, type ObjectionInput } from '../../shared/subject-rights';
import { type BackendDb } from '../db/database';
import { requests, subjectHits, subjectObjections } from '../db/schema';
import { type Tx } from '../db/database';
import { wireInstant } from '../time';
import { type Caller } from './caller';
import { restrictRecords } from './subject-restrict';
import { rightsCase, type RightsOutcome } from './subject-rights-gate';

const KINDS_OF_SCOPE: Record<ObjectionInput['scope'], readonly string[]> = { callback_contact: ['callback'], customer_care: ['contact'], other_purpose: [] };
export const OBJECTION_RESTRICTION_REASON = 'Widerspruch (Art. 21 DSGVO) stattgegeben: keine weitere Bearbeitung.';

type ObjectionRow = typeof subjectObjections.$inferSelect;
const objectionOf = (row: ObjectionRow, restrictedRequests: number): Objection => ({
  id: row.id,
  caseId: row.caseId,
  scope: row.scope as Objection['scope'],
  purpose: row.purpose,
  decision: row.decision as Objection['decision'],
  reason: row.reason,
  decidedOn: row.decidedOn,
  by: { userId: row.userId, displayName: row.userName },
  at: wireInstant(row.at),
  restrictedRequests,
});

export async function recordObjection(db: BackendDb, caller: Caller, caseId: string, input: ObjectionInput, now: Date): Promise<RightsOutcome<Objection>> {
  return db.transaction(async (tx) => {
    const gate = await rightsCase(tx, caller, caseId, ['objection']);
    if (gate.status !== 'ok') return gate;
    const id = randomUUID();
    const [row] = await tx
      .insert(subjectObjections)
      .values({ id, caseId, scope: input.scope, purpose: input.purpose || null, decision: input.decision, reason: input.reason, decidedOn: input.decidedOn, userId: caller.user.id, userName: caller.user.displayName, at: now })
      .returning();
    const kinds = KINDS_OF_SCOPE[input.scope];
    if (input.decision !== 'granted' || kinds.length === 0) return { status: 'ok', value: objectionOf(row!, 0) };
    const targets = await includedOpenRequests(tx, caseId, kinds);
    const restricted = await restrictRecords(tx, caller, caseId, targets, OBJECTION_RESTRICTION_REASON, now, id);
    return Array.isArray(restricted) ? { status: 'ok', value: objectionOf(row!, restricted.length) } : restricted;
  });
}

async function includedOpenRequests(tx: Tx, caseId: string, kinds: readonly string[]) {
  const hits = await tx
    .select({ hitId: subjectHits.hitId })
    .from(subjectHits)
    .where(and(eq(subjectHits.requestId, caseId), eq(subjectHits.decision, 'include'), like(subjectHits.hitId, 'request:%')));
  const ids = hits.map((h) => h.hitId.slice('request:'.length)).filter((id) => id !== caseId);
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: requests.id })
    .from(requests)
    .where(and(inArray(requests.id, ids), inArray(requests.kind, [...kinds]), inArray(requests.status, ['open', 'claimed'])));
  return rows.map((r) => ({ source: 'request' as const, recordId: r.id }));
}

export async function caseObjections(tx: Tx, caseId: string, restrictedBy: (objectionId: string) => number): Promise<Objection[]> {
  const rows = await tx.select().from(subjectObjections).where(eq(subjectObjections.caseId, caseId)).orderBy(asc(subjectObjections.at));
  return rows.map((r) => objectionOf(r, restrictedBy(r.id)));
}
