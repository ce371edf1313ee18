// The gate of part 5 of issue 17 (Berichtigung, Einschränkung, Widerspruch): the dpo holding the
// case, the case marked with the matching type, and only records a search of this case found and
// the officer included. What the officer did not include is not hers to change.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { type SubjectRequestType } from '../../shared/subject-requests';
import { type Tx } from '../db/database';
import { restrictions, subjectHits, subjectRequests } from '../db/schema';
import { type Caller } from './caller';
import { heldSubjectCase } from './subject-case';

export type RightsRefusal = 'not_found' | 'forbidden' | 'not_owner' | 'not_marked' | 'wrong_type' | 'not_included' | 'no_personal_data' | 'unknown_restriction' | 'already_lifted';
export type RightsOutcome<T> = { status: 'ok'; value: T } | { status: RightsRefusal } | { status: 'invalid'; detail: string };

export async function rightsCase(tx: Tx, caller: Caller, caseId: string, types: readonly SubjectRequestType[] | 'any'): Promise<{ status: 'ok' } | { status: RightsRefusal }> {
  const gate = await heldSubjectCase(tx, caller, caseId);
  if (gate.status !== 'ok') return gate;
  const [marked] = await tx.select({ type: subjectRequests.type }).from(subjectRequests).where(eq(subjectRequests.requestId, caseId));
  if (!marked) return { status: 'not_marked' };
  if (types !== 'any' && !types.includes(marked.type as SubjectRequestType)) return { status: 'wrong_type' };
  return { status: 'ok' };
}

export async function isIncluded(tx: Tx, caseId: string, hitId: string): Promise<boolean> {
  const [hit] = await tx
    .select({ decision: subjectHits.decision })
    .from(subjectHits)
    .where(and(eq(subjectHits.requestId, caseId), eq(subjectHits.hitId, hitId)));
  return hit?.decision === 'include';
}

/** Whether a record is restricted now (Art. 18): stored, not processed. */
export async function isRestricted(tx: Tx, source: 'request' | 'sms' | 'portal', recordId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: restrictions.id, liftedAt: restrictions.liftedAt })
    .from(restrictions)
    .where(and(eq(restrictions.source, source), eq(restrictions.recordId, recordId)));
  return rows.some((r) => r.liftedAt === null);
}

/** How many of these records are restricted now. */
export async function restrictedAmong(tx: Tx, source: 'request' | 'sms' | 'portal', recordIds: readonly string[]): Promise<number> {
  if (recordIds.length === 0) return 0;
  const rows = await tx
    .select({ id: restrictions.recordId })
    .from(restrictions)
    .where(and(eq(restrictions.source, source), inArray(restrictions.recordId, [...recordIds]), isNull(restrictions.liftedAt)));
  return new Set(rows.map((r) => r.id)).size;
}
