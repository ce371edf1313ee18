// Everything the reference backend knows, in memory. Tests reach into it through RunningBackend.state.
import { randomBytes } from 'node:crypto';
import { mix32, Prng } from '../generator/prng';
import { EventLog } from './event-log';
import { ReceiptBook } from './receipt-book';
import { RequestTable } from './request-table';
import { SessionStore } from './sessions';
import { SmsTable } from './sms-table';

/** What a claim's idempotency key stands for; the answer's personal data is re-derived, not kept. */
export interface ClaimRecord {
  requestIndex: number;
  userId: string;
  workstation: string;
  leaseUntil: number;
}

export interface BackendState {
  /** Changes on every start: cursors of an earlier run are answered with 410 cursor_expired. */
  epoch: string;
  /** Salt of the feed's event ids, derived from the epoch. */
  eventSalt: number;
  seed: number;
  rng: Prng;
  requests: RequestTable;
  sms: SmsTable;
  log: EventLog;
  sessions: SessionStore;
  receipts: ReceiptBook;
  claims: Map<string, ClaimRecord>;
  /** eventId of every accepted request event → request index. */
  requestEvents: Map<string, number>;
  leaseMs: number;
  tokenTtlMs: number;
}

export interface StateOptions {
  seed: number;
  leaseSeconds: number;
  tokenTtlSeconds: number;
}

export function createBackendState(options: StateOptions): BackendState {
  const epoch = randomBytes(6).toString('hex');
  return {
    epoch,
    eventSalt: mix32(Number.parseInt(epoch.slice(0, 8), 16)),
    seed: options.seed,
    rng: new Prng(options.seed),
    requests: new RequestTable(mix32(options.seed ^ 0x52455131)),
    sms: new SmsTable(mix32(options.seed ^ 0x534d5331)),
    log: new EventLog(),
    sessions: new SessionStore(),
    receipts: new ReceiptBook(),
    claims: new Map(),
    requestEvents: new Map(),
    leaseMs: options.leaseSeconds * 1000,
    tokenTtlMs: options.tokenTtlSeconds * 1000,
  };
}
