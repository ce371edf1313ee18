// Marking a dpo case as a data subject's request (issue 17, item 1): type, deadline (received +
// 1 month by Regulation 1182/71), one extension by up to 2 months with its reason and the day the
// person was told, and how the identity was checked. Every change appends `subject.updated` for
// dpo workstations, without the free texts (an identity note or a reason may name people).
import { eq } from 'drizzle-orm';
import { extendedSubjectDeadline, subjectDeadline } from '../../shared/subject-deadline';
import { type SubjectRequestChange, type SubjectRequestRecord, type SubjectRequestState, type SubjectRequestType, type IdentityMethod } from '../../shared/subject-requests';
import { type BackendDb, type Tx } from '../db/database';
import { subjectRequests } from '../db/schema';
import { appendFeed } from '../feed/append';
import { AUDIENCE } from '../feed/audience';
import { berlinDay, dayToIsoDate, wireInstant } from '../time';
import { type Caller } from './caller';
import { heldSubjectCase } from './subject-case';
import { subjectFindings } from './subject-find';

type SubjectRow = typeof subjectRequests.$inferSelect;

export type SubjectOutcome =
  | { status: 'ok'; record: SubjectRequestRecord }
  | { status: 'not_found' | 'forbidden' | 'not_owner' | 'not_marked' | 'already_extended' | 'not_extended' }
  | { status: 'invalid'; detail: string };

export function subjectState(row: SubjectRow): SubjectRequestState {
  return {
    requestId: row.requestId,
    type: row.type as SubjectRequestType,
    receivedOn: row.receivedOn,
    deadline: row.deadline,
    extendedUntil: row.extendedUntil,
    personInformedOn: row.personInformedOn,
    identityMethod: row.identityMethod as IdentityMethod | null,
    markedBy: { userId: row.markedBy, displayName: row.markedByName },
    markedAt: wireInstant(row.markedAt),
    updatedAt: wireInstant(row.updatedAt),
  };
}

async function recordOf(tx: Tx, row: SubjectRow): Promise<SubjectRequestRecord> {
  return {
    ...subjectState(row),
    identityNote: row.identityNote,
    extensionReason: row.extensionReason,
    extendedOn: row.extendedOn,
    ...(await subjectFindings(tx, row.requestId)),
  };
}

export async function readSubjectRequest(db: BackendDb, caller: Caller, requestId: string): Promise<SubjectOutcome> {
  return db.transaction(async (tx) => {
    const gate = await heldSubjectCase(tx, caller, requestId);
    if (gate.status !== 'ok') return gate;
    const [row] = await tx.select().from(subjectRequests).where(eq(subjectRequests.requestId, requestId));
    return row ? { status: 'ok', record: await recordOf(tx, row) } : { status: 'not_marked' };
  });
}

export async function changeSubjectRequest(db: BackendDb, caller: Caller, requestId: string, change: SubjectRequestChange, now: Date): Promise<SubjectOutcome> {
  const today = dayToIsoDate(berlinDay(now.getTime()));
  return db.transaction(async (tx) => {
    const gate = await heldSubjectCase(tx, caller, requestId);
    if (gate.status !== 'ok') return gate;
    const [existing] = await tx.select().from(subjectRequests).where(eq(subjectRequests.requestId, requestId)).for('update');
    let values: Partial<SubjectRow>;
    if (change.action === 'mark') {
      const receivedOn = dayToIsoDate(berlinDay(gate.row.receivedAt.getTime()));
      const identity = change.identity ? { identityMethod: change.identity.method, identityNote: change.identity.note || null } : {};
      if (existing) values = { type: change.type, ...identity };
      else {
        const [inserted] = await tx
          .insert(subjectRequests)
          .values({
            requestId,
            type: change.type,
            receivedOn,
            deadline: subjectDeadline(receivedOn),
            identityMethod: change.identity?.method ?? null,
            identityNote: change.identity?.note || null,
            markedBy: caller.user.id,
            markedByName: caller.user.displayName,
            markedAt: now,
            updatedAt: now,
          })
          .returning();
        return announce(tx, inserted!, now);
      }
    } else if (!existing) {
      return { status: 'not_marked' };
    } else if (change.action === 'identity') {
      values = { identityMethod: change.identity.method, identityNote: change.identity.note || null };
    } else if (change.action === 'extend') {
      // Art. 12(3): extended once, and the person is told within the first month.
      if (existing.extendedUntil) return { status: 'already_extended' };
      if (today > existing.deadline) return { status: 'invalid', detail: 'The deadline has passed: an extension must be decided within the first month.' };
      if (change.personInformedOn && (change.personInformedOn > today || change.personInformedOn < existing.receivedOn)) {
        return { status: 'invalid', detail: 'personInformedOn must lie between receipt and today.' };
      }
      values = {
        extendedUntil: extendedSubjectDeadline(existing.deadline, change.months),
        extendedOn: today,
        extensionReason: change.reason,
        personInformedOn: change.personInformedOn,
      };
    } else {
      if (!existing.extendedUntil) return { status: 'not_extended' };
      if (change.on > today || change.on < existing.receivedOn) return { status: 'invalid', detail: 'on must lie between receipt and today.' };
      values = { personInformedOn: change.on };
    }
    const [updated] = await tx
      .update(subjectRequests)
      .set({ ...values, updatedAt: now })
      .where(eq(subjectRequests.requestId, requestId))
      .returning();
    return announce(tx, updated!, now);
  });
}

async function announce(tx: Tx, row: SubjectRow, now: Date): Promise<SubjectOutcome> {
  await appendFeed(tx, [{ type: 'subject.updated', at: now, audience: AUDIENCE.subject, data: { subject: subjectState(row) } }]);
  return { status: 'ok', record: await recordOf(tx, row) };
}
