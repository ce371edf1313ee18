// Who is calling: the session's user on the session's workstation.
import { kindsWorkableBy, type RequestKind } from '../../shared/domain';
import { type Actor, type SessionUser } from '../../shared/sync-api';
import { type Lease } from '../state/request-table';

export interface Caller {
  user: SessionUser;
  workstation: string;
}

export function actorOf(caller: Caller): Actor {
  return { userId: caller.user.id, displayName: caller.user.displayName };
}

/** Supervisors see every entry but work none: their roles grant no kind. */
export function mayWork(caller: Caller, kind: RequestKind): boolean {
  return kindsWorkableBy(caller.user.roles).includes(kind);
}

/** Ownership is per user AND workstation: the personal data lives on one machine. */
export function holdsLease(caller: Caller, lease: Lease | null): boolean {
  return lease !== null && lease.userId === caller.user.id && lease.workstation === caller.workstation;
}
