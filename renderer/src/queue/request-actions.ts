// Which buttons the detail panel offers. This only shapes the UI: the core checks roles and
// state again for every call.
import { kindsWorkableBy, type Role } from '../../../shared/domain';
import type { QueueRow } from '../../../shared/views';

export interface RequestActions {
  claim: boolean;
  release: boolean;
  attempt: boolean;
  close: boolean;
}

const NONE: RequestActions = { claim: false, release: false, attempt: false, close: false };

/** Whether the user's roles may work this kind of request at all (supervisors never do). */
export function mayWork(row: QueueRow, roles: readonly Role[]): boolean {
  return kindsWorkableBy(roles).includes(row.kind);
}

export function requestActions(row: QueueRow, roles: readonly Role[]): RequestActions {
  if (!mayWork(row, roles)) return NONE;
  // A pending claim is this workstation's own (still in the outbox); the owner may lag behind.
  const mine = row.status === 'claim_pending' || row.owner?.mine === true;
  const working = (row.status === 'claimed' || row.status === 'claim_pending') && mine;
  return {
    claim: row.status === 'open',
    release: working,
    attempt: working && roles.includes('agent') && row.kind === 'callback',
    close: working,
  };
}
