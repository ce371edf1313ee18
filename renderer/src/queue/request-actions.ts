// Which buttons the detail panel offers, and which outcome it suggests. This only shapes the
// UI: the core checks roles, state and the retry rules again for every call and answers in
// German when it refuses.
import { kindsWorkableBy, type Outcome, type RequestKind, type Role, type Topic } from '../../../shared/domain';
import type { QueueRow, RequestDetail } from '../../../shared/views';

export interface RequestActions {
  claim: boolean;
  release: boolean;
  attempt: boolean;
  forward: boolean;
  close: boolean;
}

const NONE: RequestActions = { claim: false, release: false, attempt: false, forward: false, close: false };

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
    // Issue 17 part 5 (Art. 18): a restricted request is stored, not worked; the core refuses too.
    claim: (row.status === 'open' || leaseOver) && !row.restricted,
    release: working,
    attempt: working && roles.includes('agent') && row.kind === 'callback',
    forward: working && row.kind !== 'callback',
    close: working,
  };
}

/**
 * The outcomes a person may choose when closing: "Nicht erreicht" only for a callback (a message
 * has no one to reach), "Abgelaufen" never (the retention sweep sets it), "Online-Zugang
 * gelöscht" first for a request to delete the online access (done in the portal's administration).
 */
export function closeOutcomes(kind: RequestKind, topic?: Topic): Outcome[] {
  if (kind === 'callback') return ['resolved', 'unreachable', 'withdrawn', 'duplicate'];
  return topic === 'online_access' ? ['access_deleted', 'resolved', 'withdrawn', 'duplicate'] : ['resolved', 'withdrawn', 'duplicate'];
}

export interface CloseSuggestion {
  outcome: Outcome;
  why: string;
}

/** reached → resolved; wrong number or the last allowed attempt used → unreachable. */
export function closeSuggestion(detail: RequestDetail): CloseSuggestion | null {
  if (detail.row.kind !== 'callback' || detail.row.status !== 'claimed') return null;
  const last = detail.attempts.at(-1);
  if (!last) return null;
  if (last.disposition === 'reached') return { outcome: 'resolved', why: 'Die Person wurde erreicht.' };
  if (last.disposition === 'wrong_number') return { outcome: 'unreachable', why: 'Die Nummer ist falsch.' };
  if (detail.retry?.attemptsLeft === 0) return { outcome: 'unreachable', why: 'Der letzte erlaubte Anrufversuch ist erfasst.' };
  if (detail.retry && !detail.retry.allowed && detail.retry.nextAllowedAt === null) {
    return { outcome: 'unreachable', why: 'Im Wunschfenster ist kein weiterer Versuch möglich.' };
  }
  return null;
}
