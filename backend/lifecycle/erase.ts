// Erasure on the website's side (for example an erasure request under Art. 17 GDPR): the
// personal data goes at the origin, every workstation must drop its copy now, and nobody can
// claim the request any more.
import { eq } from 'drizzle-orm';
import { type BackendDb, type Tx } from '../db/database';
import { requests } from '../db/schema';
import { appendFeed } from '../feed/append';
import { requestAudience } from '../feed/audience';
import { PERSONAL_DATA_GONE } from './request-rows';
import { forgetSubjectFindings } from './subject-find';

export const DEFAULT_ERASE_REASON = 'erasure_request';

export async function eraseRequest(db: BackendDb, requestId: string, reason: string, now: Date): Promise<'erased' | 'already_erased' | 'not_found'> {
  return db.transaction((tx) => eraseRequestIn(tx, requestId, reason, now));
}

/** The erasure inside the caller's transaction (issue 17: a Löschung erases several requests at once). */
export async function eraseRequestIn(tx: Tx, requestId: string, reason: string, now: Date): Promise<'erased' | 'already_erased' | 'not_found'> {
  const [row] = await tx.select({ kind: requests.kind, status: requests.status }).from(requests).where(eq(requests.id, requestId)).for('update');
  if (!row) return 'not_found';
  if (row.status === 'erased') return 'already_erased';
  await tx
    .update(requests)
    .set({ status: 'erased', erasedAt: now, leaseUserId: null, leaseDisplayName: null, leaseWorkstation: null, leaseUntil: null, ...PERSONAL_DATA_GONE })
    .where(eq(requests.id, requestId));
  await forgetSubjectFindings(tx, [requestId]);
  await appendFeed(tx, [{ type: 'request.erased', at: now, audience: requestAudience(row.kind), data: { requestId, reason } }]);
  return 'erased';
}
