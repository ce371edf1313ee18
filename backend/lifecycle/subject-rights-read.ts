// Everything part 5 of issue 17 recorded on one case, for the dpo holding it.
import { asc, eq } from 'drizzle-orm';
import { type RectifiableField, type SubjectRightsRecord } from '../../shared/subject-rights';
import { type BackendDb } from '../db/database';
import { restrictions, subjectRectifications } from '../db/schema';
import { wireInstant } from '../time';
import { type Caller } from './caller';
import { caseObjections } from './subject-objection';
import { caseRestrictions } from './subject-restrict';
import { rightsCase, type RightsOutcome } from './subject-rights-gate';

export async function readSubjectRights(db: BackendDb, caller: Caller, caseId: string): Promise<RightsOutcome<SubjectRightsRecord>> {
  return db.transaction(async (tx) => {
    const gate = await rightsCase(tx, caller, caseId, 'any');
    if (gate.status !== 'ok') return gate;
    const rectified = await tx.select().from(subjectRectifications).where(eq(subjectRectifications.caseId, caseId)).orderBy(asc(subjectRectifications.at));
    const restrictionRows = await tx.select({ objectionId: restrictions.objectionId }).from(restrictions).where(eq(restrictions.caseId, caseId));
    return {
      status: 'ok',
      value: {
        rectifications: rectified.map((r) => ({ id: r.id, caseId: r.caseId, targetId: r.targetId, fields: r.fields as RectifiableField[], by: { userId: r.userId, displayName: r.userName }, at: wireInstant(r.at) })),
        restrictions: await caseRestrictions(tx, caseId),
        objections: await caseObjections(tx, caseId, (id) => restrictionRows.filter((r) => r.objectionId === id).length),
      },
    };
  });
}
