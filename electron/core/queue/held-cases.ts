// The cases the signed-in user holds at this workstation. Logging out lists them: they stay the
// user's after a logout (login.ts keeps them through a user switch), so the user decides whether
// to give them back to the queue now or leave them until the lease ends.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { HeldCase, SessionInfo } from '../../../shared/views';
import type { DeskDb } from '../db/open';
import { requests } from '../db/schema';

export function heldCases(db: DeskDb, session: Pick<SessionInfo, 'user' | 'workstation'>): HeldCase[] {
  return db
    .select({ id: requests.id, kind: requests.kind, receivedAt: requests.receivedAt, reference: requests.reference, leaseUntil: requests.leaseUntil })
    .from(requests)
    .where(and(inArray(requests.status, ['claimed', 'claim_pending']), eq(requests.ownerUserId, session.user.id), eq(requests.ownerWorkstation, session.workstation)))
    .orderBy(asc(requests.receivedAt))
    .all();
}
