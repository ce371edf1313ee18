// The feed: one global sequence of events. Queued requests and SMS sends (the bulk) are kept
// as a reference into their table; the few events people cause (claims, closes, receipts...)
// are kept as small objects. Feed events are built from this only when a page is served.
import { type Department, type Disposition, type Outcome } from '../../shared/domain';
import { type Actor } from '../../shared/sync-api';
import { withCapacity } from './columns';

/** What an entry refers to. */
export const ENTRY_QUEUED = 0;
export const ENTRY_SMS = 1;
export const ENTRY_RECORDED = 2;

/** Who may see an entry: request kinds 0..3 (KIND_CODE), then SMS and receipts. */
export const AUDIENCE_SMS = 4;
export const AUDIENCE_RECEIPTS = 5;
export const AUDIENCE_COUNT = 6;

export interface StoredReceipt {
  workstation: string;
  purgedAt: string;
  rule: string;
  requestId?: string;
  smsBefore?: string;
}

/** Events recorded at run time; `at` in epoch ms, `requestIndex` into the RequestTable. */
export type RecordedEvent =
  | { type: 'request.claimed'; at: number; requestIndex: number; by: Actor; workstation: string; leaseUntil: number }
  | { type: 'request.released'; at: number; requestIndex: number }
  | { type: 'request.attempted'; at: number; requestIndex: number; attemptNo: number; disposition: Disposition; by: Actor }
  | { type: 'request.forwarded'; at: number; requestIndex: number; department: Department }
  | { type: 'request.closed'; at: number; requestIndex: number; outcome: Outcome; retainedUntil: string | null }
  | { type: 'request.erased'; at: number; requestIndex: number; reason: string }
  | { type: 'receipt.recorded'; at: number; receipt: StoredReceipt };

export class EventLog {
  length = 0;
  readonly recorded: RecordedEvent[] = [];
  private entries = new Uint8Array(0);
  private refs = new Uint32Array(0);
  private audiences = new Uint8Array(0);

  reserve(extra: number): void {
    const size = this.length + extra;
    this.entries = withCapacity(this.entries, size);
    this.refs = withCapacity(this.refs, size);
    this.audiences = withCapacity(this.audiences, size);
  }

  /** Appends and returns the entry's position (its sequence number is position + 1). */
  append(entry: number, ref: number, audience: number): number {
    const pos = this.length;
    this.reserve(1);
    this.entries[pos] = entry;
    this.refs[pos] = ref;
    this.audiences[pos] = audience;
    this.length = pos + 1;
    return pos;
  }

  appendRecorded(event: RecordedEvent, audience: number): number {
    this.recorded.push(event);
    return this.append(ENTRY_RECORDED, this.recorded.length - 1, audience);
  }

  entry(pos: number): number {
    return this.entries[pos] ?? ENTRY_RECORDED;
  }

  ref(pos: number): number {
    return this.refs[pos] ?? 0;
  }

  /** The audience column itself: the feed scans it in a tight loop. */
  audienceColumn(): Uint8Array {
    return this.audiences;
  }
}
