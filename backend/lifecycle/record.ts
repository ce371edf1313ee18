// Appends what people do to the feed, with the audience of the request's kind.
import { type BackendState } from '../state/backend-state';
import { AUDIENCE_RECEIPTS, type RecordedEvent, type StoredReceipt } from '../state/event-log';

export type RequestChange = Exclude<RecordedEvent, { type: 'receipt.recorded' }>;

export function recordRequestChange(state: BackendState, change: RequestChange): void {
  state.log.appendRecorded(change, state.requests.kindCode(change.requestIndex));
}

export function recordReceiptEvent(state: BackendState, receipt: StoredReceipt, atMs: number): void {
  state.log.appendRecorded({ type: 'receipt.recorded', at: atMs, receipt }, AUDIENCE_RECEIPTS);
}
