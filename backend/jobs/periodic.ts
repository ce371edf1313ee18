// The backend's periodic work: leases that ran out, callbacks nobody claimed, idempotency keys
// and sessions past their use. Each step is one short transaction that first takes a
// transaction-scoped advisory lock: whichever process gets it does the step, the others skip
// it, so with any number of backend processes each piece of work is done once.
import { lt, sql } from 'drizzle-orm';
import { rowsOf, type BackendDb, type Tx } from '../db/database';
import { IntakeRate } from '../auth/intake-rate';
import { claimKeys, intakeKeys, loginFailures, requestEventKeys } from '../db/schema';
import { IDEMPOTENCY_WINDOW_MS } from '../lifecycle/intake';
import { expireUnclaimedCallbacks } from '../lifecycle/callback-expiry';
import { readRulesInForce, retentionPeriod } from '../lifecycle/rules';
import { endExpiredHolds } from '../lifecycle/holds';
import { endRetentions, purgeOldPortalAccess, purgeOldSms } from '../lifecycle/origin-purge';
import { releaseExpiredLeases } from '../lifecycle/lease-expiry';
import { forgetOldSessions } from '../lifecycle/sessions';
import { repeatEvery } from './repeat';

const PERIODIC_LOCK = 0x53445f50; // 'SD_P'
const BATCH = 500;
/** Log records are many and small: bigger batches, still short transactions. */
const PURGE_BATCH = 5_000;
/** A client retries a lost answer within minutes; a week of keys is plenty. */
const KEEP_KEYS_MS = 7 * 86_400_000;

export interface PeriodicSummary {
  released: number;
  expired: number;
  /** Deletions at the origin: SMS and portal records past 90 days, retentions that ended, holds that ended. */
  purgedSms: number;
  purgedPortal: number;
  retentionsEnded: number;
  holdsEnded: number;
  forgotten: number;
  /** False when another process held the lock. */
  ran: boolean;
}

async function locked<T>(db: BackendDb, work: (tx: Tx) => Promise<T>): Promise<T | null> {
  return db.transaction(async (tx) => {
    const [lock] = await rowsOf<{ got: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${PERIODIC_LOCK}) AS got`);
    return lock?.got ? work(tx) : null;
  });
}

/** Repeats a batched step until it finds nothing more (each batch its own transaction). */
async function drain(db: BackendDb, step: (tx: Tx) => Promise<number>): Promise<number | null> {
  let total = 0;
  for (;;) {
    const done = await locked(db, step);
    if (done === null) return total === 0 ? null : total;
    total += done;
    if (done === 0) return total;
  }
}

export async function runPeriodicWork(db: BackendDb, now: Date, options: { callbackExpiryDays?: number } = {}): Promise<PeriodicSummary> {
  const released = await drain(db, (tx) => releaseExpiredLeases(tx, now, BATCH));
  // The callback expiry in force (issue 16): a supervisor's tightening holds at the origin too.
  const rules = await readRulesInForce(db);
  const expiryDays = options.callbackExpiryDays ?? retentionPeriod(rules, 'callback_expiry');
  // The SMS and portal logs' period in force: tightened, it holds at the origin as on every workstation.
  const logDays = retentionPeriod(rules, 'sms_log');
  const expired = await drain(db, (tx) => expireUnclaimedCallbacks(tx, now, BATCH, expiryDays));
  // Holds end before the purges, so records whose hold just ended go in this same run.
  const holdsEnded = await drain(db, (tx) => endExpiredHolds(tx, now, BATCH));
  const purgedSms = await drain(db, (tx) => purgeOldSms(tx, now, PURGE_BATCH, logDays));
  const purgedPortal = await drain(db, (tx) => purgeOldPortalAccess(tx, now, PURGE_BATCH, logDays));
  const retentionsEnded = await drain(db, (tx) => endRetentions(tx, now, BATCH));
  const forgotten = await locked(db, async (tx) => {
    const before = new Date(now.getTime() - KEEP_KEYS_MS);
    const claims = await tx.delete(claimKeys).where(lt(claimKeys.createdAt, before)).returning({ id: claimKeys.eventId });
    const events = await tx.delete(requestEventKeys).where(lt(requestEventKeys.createdAt, before)).returning({ id: requestEventKeys.eventId });
    await tx.delete(loginFailures).where(lt(loginFailures.windowStart, new Date(now.getTime() - 86_400_000)));
    await IntakeRate.forgetBefore(tx, new Date(now.getTime() - 120_000));
    const keys = await tx.delete(intakeKeys).where(lt(intakeKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS))).returning({ key: intakeKeys.key });
    return claims.length + events.length + keys.length + (await forgetOldSessions(tx, now));
  });
  const counts = { released, expired, holdsEnded, purgedSms, purgedPortal, retentionsEnded, forgotten };
  return {
    released: released ?? 0,
    expired: expired ?? 0,
    holdsEnded: holdsEnded ?? 0,
    purgedSms: purgedSms ?? 0,
    purgedPortal: purgedPortal ?? 0,
    retentionsEnded: retentionsEnded ?? 0,
    forgotten: forgotten ?? 0,
    ran: Object.values(counts).some((n) => n !== null),
  };
}

/** Runs the periodic work every `everyMs` until stopped; a failed run (database away) is retried next time. */
export function startPeriodicWork(db: BackendDb, now: () => Date, everyMs: number, options: { callbackExpiryDays?: number } = {}): () => Promise<void> {
  return repeatEvery(everyMs, () => runPeriodicWork(db, now(), options));
}
