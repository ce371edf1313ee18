// When a case's personal data goes (closed without retention, retention ended, erased), the free
// texts part 5 recorded on it go too: restriction, lifting and objection reasons and an objection's
// purpose may name people. What stays says what was done, by whom and when; an active restriction
// stays active (its state names nobody), and corrections never held a value.
import { inArray } from 'drizzle-orm';
import { type Tx } from '../db/database';
import { restrictions, subjectObjections } from '../db/schema';

export async function forgetSubjectRightsTexts(tx: Tx, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  await tx
    .update(restrictions)
    .set({ reason: '', liftReason: null })
    .where(inArray(restrictions.caseId, [...caseIds]));
  await tx
    .update(subjectObjections)
    .set({ reason: '', purpose: null })
    .where(inArray(subjectObjections.caseId, [...caseIds]));
}
