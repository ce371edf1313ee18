// Claiming a request: a lease for one user on one workstation, and the personal data with it.
// The request's row is locked for the decision, so among any number of workstations claiming
// through any number of backend processes exactly one wins.
import { eq } from 'drizzle-orm';
import { type Actor, type ClaimResponse } from '../../shared/sync-api';
import { type BackendDb } from '../db/database';
import { claimKeys, holdings, requests } from '../db/schema';
import { appendFeed } from '../feed/append';
import { requestAudience } from '../feed/audience';
import { actorOf, holdsLease, mayWork, type Caller } from './caller';
import { claimedRequestOf } from './request-rows';
import { isRestricted } from './subject-rights-gate';
import { wireInstant } from '../time';

export type ClaimOutcome =
  | { status: 'claimed'; response: ClaimResponse }
  | { status: 'not_found' }
  | { status: 'forbidden' }
  | { status: 'gone'; detail: string }
  | { status: 'already_claimed'; by: Actor }
  | { status: 'key_reused' }
  | { status: 'restricted' };

export async function claimRequest(db: BackendDb, requestId: string, caller: Caller, eventId: string, now: Date, leaseMs: number): Promise<ClaimOutcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(requests).where(eq(requests.id, requestId)).for('update');
    if (!row) return { status: 'not_found' };
    if (!mayWork(caller, row.kind)) return { status: 'forbidden' };
    if (row.status === 'erased') return { status: 'gone', detail: 'The request was erased.' };
    if (row.status === 'closed') return { status: 'gone', detail: 'The request is closed.' };
    // Issue 17 part 5 (Art. 18): a restricted request is stored, not worked.
    if (await isRestricted(tx, 'request', requestId)) return { status: 'restricted' };

    const [earlier] = await tx.select().from(claimKeys).where(eq(claimKeys.eventId, eventId));
    if (earlier) {
      const sameCall = earlier.requestId === requestId && earlier.userId === caller.user.id && earlier.workstation === caller.workstation;
      if (!sameCall) return { status: 'key_reused' };
      // A retry of a claim that went through: the same answer, no new lease, no new feed event.
      if (row.status === 'claimed' && holdsLease(caller, row) && row.leaseUntil) {
        return { status: 'claimed', response: { request: claimedRequestOf(row), leaseUntil: wireInstant(row.leaseUntil) } };
      }
      // Released or taken over since: handled as the fresh claim it now is.
    }

    const leased = row.status === 'claimed' && row.leaseUntil !== null && row.leaseUntil > now;
    if (leased && !holdsLease(caller, row)) {
      return { status: 'already_claimed', by: { userId: row.leaseUserId ?? '', displayName: row.leaseDisplayName ?? '' } };
    }

    // Free, expired, or the caller's own lease (renewed).
    const until = new Date(now.getTime() + leaseMs);
    const by = actorOf(caller);
    await tx
      .update(requests)
      .set({ status: 'claimed', leaseUserId: by.userId, leaseDisplayName: by.displayName, leaseWorkstation: caller.workstation, leaseUntil: until })
      .where(eq(requests.id, requestId));
    // From now on this workstation holds the personal data: its receipts for the request count.
    await tx.insert(holdings).values({ workstation: caller.workstation, requestId, since: now }).onConflictDoNothing();
    await tx
      .insert(claimKeys)
      .values({ eventId, requestId, userId: caller.user.id, workstation: caller.workstation, leaseUntil: until, createdAt: now })
      .onConflictDoUpdate({ target: claimKeys.eventId, set: { leaseUntil: until } });
    await appendFeed(tx, [
      { type: 'request.claimed', at: now, audience: requestAudience(row.kind), data: { requestId, by, workstation: caller.workstation, leaseUntil: wireInstant(until) } },
    ]);
    return { status: 'claimed', response: { request: claimedRequestOf(row), leaseUntil: wireInstant(until) } };
  });
}
