// What the API handlers work with; everything that lives longer than a request is in the database.
import { type Credentials } from '../auth/accounts';
import { type IntakeRate } from '../auth/intake-rate';
import { type LoginThrottle } from '../auth/login-throttle';
import { type BackendDb } from '../db/database';
import { type FaultInjector } from '../faults/injector';
import { type FeedSignal } from '../feed/signal';

export interface ApiDeps {
  db: BackendDb;
  /** The database's epoch: part of every cursor. */
  epoch: string;
  feedSignal: FeedSignal;
  faults: FaultInjector;
  credentials: Credentials;
  throttle: LoginThrottle;
  leaseMs: number;
  /** The key of the SMS service and the Online-Kundencenter (ingest endpoints). */
  ingestKey: string;
  /** Forms per client address and minute. */
  intakeRate: IntakeRate;
  /** One line per refusal that is not an HTTP error (a receipt refused within an accepted call). */
  log: ((line: string) => void) | null;
  tokenTtlMs: number;
}
