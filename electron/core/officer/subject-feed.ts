// Applies the backend's `subject.updated` (issue 17): every dpo workstation knows which of its
// dpo cases are data subjects' requests, their deadline and extension. Idempotent, and an older
// state never overwrites a newer one (the feed may repeat events).
import { eq, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/domain';
import type { SubjectRequestState } from '../../../shared/subject-requests';
import type { DeskDb } from '../db/open';
import { subjectRequests } from '../db/officer-schema';
import { requests } from '../db/schema';

export function applySubjectUpdate(db: DeskDb, roles: readonly Role[], state: SubjectRequestState): 'applied' | 'ignored' {
  if (!roles.includes('dpo')) return 'ignored';
  // The queue entry comes first in the feed; without it (purged, or never visible) there is nothing to mark.
  const entry = db.select({ kind: requests.kind }).from(requests).where(eq(requests.id, state.requestId)).get();
  if (entry?.kind !== 'dpo') return 'ignored';
  const row = {
    requestId: state.requestId,
    type: state.type,
    receivedOn: state.receivedOn,
    deadline: state.deadline,
    extendedUntil: state.extendedUntil,
    personInformedOn: state.personInformedOn,
    identityMethod: state.identityMethod,
    markedByName: state.markedBy.displayName,
    markedAt: state.markedAt,
    updatedAt: state.updatedAt,
  };
  const { changes } = db
    .insert(subjectRequests)
    .values(row)
    .onConflictDoUpdate({
      target: subjectRequests.requestId,
      set: {
        type: sql`excluded.type`,
        extendedUntil: sql`excluded.extended_until`,
        personInformedOn: sql`excluded.person_informed_on`,
        identityMethod: sql`excluded.identity_method`,
        updatedAt: sql`excluded.updated_at`,
      },
      setWhere: sql`excluded.updated_at >= ${subjectRequests.updatedAt}`,
    })
    .run();
  return changes > 0 ? 'applied' : 'ignored';
}
