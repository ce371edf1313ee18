// What the owner of a request reports: attempts, forwarding, release, close. Each accepted
// event is appended to the feed so the team sees it.
import { type RequestEvent } from '../../shared/sync-api';
import { type BackendState } from '../state/backend-state';
import { actorOf, holdsLease, mayWork, type Caller } from './caller';
import { recordRequestChange } from './record';
import { retentionProblem } from './retention';

export type EventOutcome =
  | { status: 'accepted' }
  | { status: 'duplicate' }
  | { status: 'forbidden' }
  | { status: 'gone'; detail: string }
  | { status: 'not_owner' }
  | { status: 'invalid'; detail: string };

export function applyRequestEvent(state: BackendState, index: number, caller: Caller, event: RequestEvent, nowMs: number): EventOutcome {
  const { requests } = state;
  const kind = requests.kind(index);
  if (!mayWork(caller, kind)) return { status: 'forbidden' };

  // Idempotency first: a retry after a lost answer must not fail because the first try released or closed.
  const seenFor = state.requestEvents.get(event.eventId);
  if (seenFor !== undefined) {
    return seenFor === index ? { status: 'duplicate' } : { status: 'invalid', detail: 'eventId was already used for another request.' };
  }

  const life = requests.lifecycle(index);
  if (life.erased) return { status: 'gone', detail: 'The request was erased.' };
  if (life.closed) return { status: 'invalid', detail: 'The request is already closed.' };
  if (!life.lease) return { status: 'invalid', detail: 'The request is not claimed; claim it first.' };
  // An expired lease still counts as the holder's until someone else takes it over.
  if (!holdsLease(caller, life.lease)) return { status: 'not_owner' };

  // The client's time of the action, but never in the future of the server's clock.
  const at = Math.min(Date.parse(event.at), nowMs);
  const requestIndex = index;
  switch (event.type) {
    case 'attempt':
      if (kind !== 'callback') return { status: 'invalid', detail: `Only callbacks have call attempts, this is a ${kind} request.` };
      life.attempts += 1;
      recordRequestChange(state, { type: 'request.attempted', at, requestIndex, attemptNo: life.attempts, disposition: event.data.disposition, by: actorOf(caller) });
      break;
    case 'forward':
      if (kind === 'callback') return { status: 'invalid', detail: 'A callback is called back, not forwarded.' };
      recordRequestChange(state, { type: 'request.forwarded', at, requestIndex, department: event.data.department });
      break;
    case 'release':
      life.lease = null;
      recordRequestChange(state, { type: 'request.released', at, requestIndex });
      break;
    case 'close': {
      const problem = retentionProblem(kind, event.data.retention, nowMs);
      if (problem) return { status: 'invalid', detail: problem };
      life.lease = null;
      life.closed = true;
      recordRequestChange(state, { type: 'request.closed', at, requestIndex, outcome: event.data.outcome, retainedUntil: event.data.retention?.until ?? null });
      break;
    }
  }
  state.requestEvents.set(event.eventId, index);
  return { status: 'accepted' };
}
