// Berichtigung (Art. 16 GDPR, issue 17 part 5): the officer holding a Berichtigung case corrects
// fields of another request of the person that her Find found and she included. The new values
// overwrite the old ones in place (no history of personal data); the change is recorded without
// any value; `request.rectified` names the fields, and the feed adds the new values only for the
// workstation that holds the request's claim (backend/feed/read.ts), so its copy follows.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type RectifiableField, type Rectification, type RectificationInput } from '../../shared/subject-rights';
import { type BackendDb } from '../db/database';
import { requests, subjectRectifications } from '../db/schema';
import { appendFeed } from '../feed/append';
import { requestAudience } from '../feed/audience';
import { wireInstant } from '../time';
import { type Caller } from './caller';
import { isIncluded, rightsCase, type RightsOutcome } from './subject-rights-gate';

/** The fields each kind of request has: a callback has no e-mail or message, a message no phone. */
const FIELDS_OF: Record<string, readonly RectifiableField[]> = {
  callback: ['name', 'phone'],
  contact: ['name', 'email', 'subject', 'message'],
  dpo: ['name', 'email', 'subject', 'message'],
  equality: ['name', 'email', 'subject', 'message'],
};

export async function rectifyRequest(db: BackendDb, caller: Caller, caseId: string, input: RectificationInput, now: Date): Promise<RightsOutcome<Rectification>> {
  return db.transaction(async (tx) => {
    const gate = await rightsCase(tx, caller, caseId, ['rectification']);
    if (gate.status !== 'ok') return gate;
    if (!(await isIncluded(tx, caseId, `request:${input.targetId}`))) return { status: 'not_included' };
    const [target] = await tx.select().from(requests).where(eq(requests.id, input.targetId)).for('update');
    if (!target || target.status === 'erased') return { status: 'not_found' };
    // Closed without retention (or its retention ended): nothing left to correct.
    if (target.name === null) return { status: 'no_personal_data' };
    const fields = (Object.keys(input.changes) as RectifiableField[]).filter((f) => input.changes[f] !== undefined);
    const foreign = fields.filter((f) => !FIELDS_OF[target.kind]?.includes(f));
    if (foreign.length > 0) return { status: 'invalid', detail: `A ${target.kind} request has no ${foreign.join(', ')}.` };

    await tx.update(requests).set(input.changes).where(eq(requests.id, input.targetId));
    const id = randomUUID();
    await tx.insert(subjectRectifications).values({ id, caseId, targetId: input.targetId, fields, userId: caller.user.id, userName: caller.user.displayName, workstation: caller.workstation, at: now });
    await appendFeed(tx, [{ type: 'request.rectified', at: now, audience: requestAudience(target.kind), data: { requestId: input.targetId, fields } }]);
    return { status: 'ok', value: { id, caseId, targetId: input.targetId, fields, by: { userId: caller.user.id, displayName: caller.user.displayName }, at: wireInstant(now) } };
  });
}
