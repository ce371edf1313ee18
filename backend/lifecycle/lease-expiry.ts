// A lease that ran out is released by the backend itself (`request.released`), so the request
// is back in everybody's queue and no workstation keeps a case nobody works on.
import { and, eq, inArray, lte } from 'drizzle-orm';
import { type Tx } from '../db/database';
import { requests } from '../db/schema';
import { appendFeed } from '../feed/append';
import { requestAudience } from '../feed/audience';

/** Releases up to `batch` expired leases; returns how many. */
export async function releaseExpiredLeases(tx: Tx, now: Date, batch: number): Promise<number> {
  const expired = await tx
    .select({ id: requests.id, kind: requests.kind })
    .from(requests)
    .where(and(eq(requests.status, 'claimed'), lte(requests.leaseUntil, now)))
    .orderBy(requests.leaseUntil)
    .limit(batch)
    .for('update', { skipLocked: true });
  if (expired.length === 0) return 0;
  await tx
    .update(requests)
    .set({ status: 'open', leaseUserId: null, leaseDisplayName: null, leaseWorkstation: null, leaseUntil: null })
    .where(inArray(requests.id, expired.map((r) => r.id)));
  await appendFeed(
    tx,
    expired.map((r) => ({ type: 'request.released' as const, at: now, audience: requestAudience(r.kind), data: { requestId: r.id } })),
  );
  return expired.length;
}
