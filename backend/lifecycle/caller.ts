// Who is calling: the session's user on the session's workstation.
import { kindsWorkableBy, type RequestKind } from '../../shared/domain';
import { type Actor, type SessionUser } from '../../shared/sync-api';

export interface Caller {
  user: SessionUser;
  workstation: string;
}

export interface LeaseHolder {
  leaseUserId: string | null;
  leaseWorkstation: string | null;
}

export function actorOf(caller: Caller): Actor {
  return { userId: caller.user.id, displayName: caller.user.displayName };
}

/** Supervisors see every entry but work none: their roles grant no kind. */
export function mayWork(caller: Caller, kind: string): boolean {
  return kindsWorkableBy(caller.user.roles).includes(kind as RequestKind);
}

/** Ownership is per user AND workstation: the personal data lives on one machine. */
export function holdsLease(caller: Caller, row: LeaseHolder): boolean {
  return row.leaseUserId === caller.user.id && row.leaseWorkstation === caller.workstation;
}
