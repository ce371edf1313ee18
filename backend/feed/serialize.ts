// Builds the wire form of a log entry when a page is served.
import { type FeedEvent } from '../../shared/sync-api';
import { derivedUuid } from '../generator/prng';
import { type BackendState } from '../state/backend-state';
import { ENTRY_QUEUED, ENTRY_SMS, type RecordedEvent } from '../state/event-log';
import { instant } from '../time';

/** Event ids are derived from the epoch and the position: the same event keeps its id when repeated. */
export function feedEventAt(state: BackendState, pos: number): FeedEvent {
  const id = derivedUuid(state.eventSalt, pos);
  const ref = state.log.ref(pos);
  switch (state.log.entry(pos)) {
    case ENTRY_QUEUED: {
      const request = state.requests.queueEntry(ref);
      return { id, type: 'request.queued', at: request.receivedAt, request };
    }
    case ENTRY_SMS: {
      const sms = state.sms.record(ref);
      return { id, type: 'sms.logged', at: sms.sentAt, sms };
    }
    default: {
      const recorded = state.log.recorded[ref];
      if (!recorded) throw new Error(`feed entry ${pos} refers to no recorded event`);
      return recordedEvent(state, id, recorded);
    }
  }
}

function recordedEvent(state: BackendState, id: string, e: RecordedEvent): FeedEvent {
  const at = instant(e.at);
  if (e.type === 'receipt.recorded') {
    const { workstation, purgedAt, rule, requestId, smsBefore } = e.receipt;
    const receipt = requestId !== undefined ? { workstation, purgedAt, rule, requestId } : { workstation, purgedAt, rule, smsBefore: smsBefore ?? purgedAt };
    return { id, type: e.type, at, receipt };
  }
  const requestId = state.requests.ids[e.requestIndex] ?? '';
  switch (e.type) {
    case 'request.claimed':
      return { id, type: e.type, at, requestId, by: e.by, workstation: e.workstation, leaseUntil: instant(e.leaseUntil) };
    case 'request.released':
      return { id, type: e.type, at, requestId };
    case 'request.attempted':
      return { id, type: e.type, at, requestId, attemptNo: e.attemptNo, disposition: e.disposition, by: e.by };
    case 'request.forwarded':
      return { id, type: e.type, at, requestId, department: e.department };
    case 'request.closed':
      return { id, type: e.type, at, requestId, outcome: e.outcome, retainedUntil: e.retainedUntil };
    case 'request.erased':
      return { id, type: e.type, at, requestId, reason: e.reason };
  }
}
