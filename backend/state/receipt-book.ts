// Purge receipts from workstations. One receipt per (subject, workstation, rule): a client that
// re-sends after a lost answer must not be counted twice.
import { type StoredReceipt } from './event-log';

export class ReceiptBook {
  private readonly keys = new Set<string>();
  /** The latest audit-chain head each workstation reported (ReceiptsRequest.auditHead). */
  readonly auditHeads = new Map<string, string>();

  get count(): number {
    return this.keys.size;
  }

  /** True when the receipt is new. */
  record(receipt: StoredReceipt): boolean {
    const subject = receipt.requestId !== undefined ? `request:${receipt.requestId}` : `sms-before:${receipt.smsBefore ?? ''}`;
    const key = `${receipt.workstation}|${subject}|${receipt.rule}`;
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    return true;
  }
}
