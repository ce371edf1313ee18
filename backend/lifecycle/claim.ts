// Claiming a request: a lease for one user on one workstation, and the personal data with it.
import { type Actor, type ClaimResponse } from '../../shared/sync-api';
import { claimedRequest } from '../generator/payload';
import { type BackendState } from '../state/backend-state';
import { instant } from '../time';
import { actorOf, holdsLease, mayWork, type Caller } from './caller';
import { recordRequestChange } from './record';

export type ClaimOutcome =
  | { status: 'claimed'; response: ClaimResponse }
  | { status: 'forbidden' }
  | { status: 'gone'; detail: string }
  | { status: 'already_claimed'; by: Actor }
  | { status: 'key_reused' };

export function claimRequest(state: BackendState, index: number, caller: Caller, eventId: string, nowMs: number): ClaimOutcome {
  const { requests } = state;
  const row = requests.row(index);
  if (!mayWork(caller, row.kind)) return { status: 'forbidden' };
  const life = requests.lifecycle(index);
  if (life.erased) return { status: 'gone', detail: 'The request was erased.' };
  if (life.closed) return { status: 'gone', detail: 'The request is closed.' };

  const answer = (leaseUntil: number): ClaimOutcome => ({
    status: 'claimed',
    response: { request: claimedRequest(requests.ids[index] ?? '', row), leaseUntil: instant(leaseUntil) },
  });

  const earlier = state.claims.get(eventId);
  if (earlier) {
    const sameCall = earlier.requestIndex === index && earlier.userId === caller.user.id && earlier.workstation === caller.workstation;
    if (!sameCall) return { status: 'key_reused' };
    // A retry of a claim that went through: same answer, no new lease, no new feed event.
    if (life.lease && holdsLease(caller, life.lease)) return answer(life.lease.until);
    // Released or taken over since: handled as the fresh claim it now is.
  }

  const lease = life.lease;
  if (lease && lease.until > nowMs && !holdsLease(caller, lease)) {
    return { status: 'already_claimed', by: { userId: lease.userId, displayName: lease.displayName } };
  }

  // Free, expired, or the caller's own lease (renewed).
  const until = nowMs + state.leaseMs;
  const by = actorOf(caller);
  life.lease = { ...by, workstation: caller.workstation, until };
  state.claims.set(eventId, { requestIndex: index, userId: caller.user.id, workstation: caller.workstation, leaseUntil: until });
  recordRequestChange(state, { type: 'request.claimed', at: nowMs, requestIndex: index, by, workstation: caller.workstation, leaseUntil: until });
  return answer(until);
}
