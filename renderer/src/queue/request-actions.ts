// Which buttons the detail panel offers. This only shapes the UI: the core checks roles and
// state again for every call and answers in German when it refuses.
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

export function requestActions(row: QueueRow, roles: readonly Role[], now: Date): RequestActions {
  if (!mayWork(row, roles)) return NONE;
  // `claimed` is only ever this workstation's claim; the owner's name may still be unknown
  // (null) until the backend's feed confirms it. While a claim is pending, the core refuses
  // every other action, so none is offered.
  const working = row.status === 'claimed' && row.owner?.mine !== false;
  // Someone else's claim can be taken over once its lease ran out.
  const leaseOver = row.status === 'claimed_elsewhere' && row.leaseUntil !== null && Date.parse(row.leaseUntil) <= now.getTime();
  return {
    claim: row.status === 'open' || leaseOver,
    release: working,
    attempt: working && roles.includes('agent') && row.kind === 'callback',
    close: working,
  };
}
