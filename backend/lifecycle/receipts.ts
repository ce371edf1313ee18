// Purge receipts from a workstation; each new one goes to the supervisors' feed.
import { type Receipt } from '../../shared/sync-api';
import { type BackendState } from '../state/backend-state';
import { type StoredReceipt } from '../state/event-log';
import { recordReceiptEvent } from './record';

/**
 * Records the receipts and returns how many of them are on record now. A re-sent batch gets
 * the same number back (so the client can mark all as delivered) but adds no feed events.
 */
export function recordReceipts(state: BackendState, workstation: string, receipts: readonly Receipt[], auditHead: string | undefined, nowMs: number): number {
  for (const r of receipts) {
    const stored: StoredReceipt =
      'requestId' in r
        ? { workstation, purgedAt: r.purgedAt, rule: r.rule, requestId: r.requestId }
        : { workstation, purgedAt: r.purgedAt, rule: r.rule, smsBefore: r.smsBefore };
    if (state.receipts.record(stored)) recordReceiptEvent(state, stored, nowMs);
  }
  if (auditHead !== undefined) state.receipts.auditHeads.set(workstation, auditHead);
  return receipts.length;
}
