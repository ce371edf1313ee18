// The retention sweep: applies DESIGN.md's rules to whatever is due at `clock()`. Safe to run
// any time and any number of times; each step commits on its own so a crash loses nothing.
import { and, eq, inArray, isNull, lt, lte, ne, or } from 'drizzle-orm';
import { CALLBACK_EXPIRY_DAYS, SMS_RETENTION_DAYS } from '../../../shared/domain';
import type { SweepReport } from '../../../shared/views';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { personalData, receipts, requests, smsLog } from '../db/schema';
import { STATE_KEYS, writeState } from '../db/state';
import { berlinDate, berlinDayStart, shiftDate } from '../time/berlin';
import { retireRequest, scrubWal } from './purge';

const SMS_BATCH = 5_000;
const DAY_MS = 86_400_000;

export interface SweepHooks {
  /** Called for a callback this workstation owns that expires: the backend must hear of it. */
  expireOwnedCallback?: (requestId: string) => void;
}

export function sweepRetention(db: DeskDb, clock: Clock, hooks: SweepHooks = {}): SweepReport {
  const report: SweepReport = { purged: 0, expired: 0, smsPurged: 0 };
  const now = clock();
  const nowIso = now.toISOString();
  const today = berlinDate(now);

  // Callbacks never closed expire 14 days after their preferred date (at the start of that Berlin day).
  const stale = db
    .select({ id: requests.id, status: requests.status })
    .from(requests)
    .where(
      and(
        eq(requests.kind, 'callback'),
        ne(requests.status, 'closed'),
        lte(requests.preferredDate, shiftDate(today, -CALLBACK_EXPIRY_DAYS)),
      ),
    )
    .all();
  for (const row of stale) {
    db.transaction(() => {
      if (row.status === 'claimed' && hooks.expireOwnedCallback) hooks.expireOwnedCallback(row.id);
      db.update(requests).set({ status: 'closed', outcome: 'expired', closedAt: nowIso, updatedAt: nowIso }).where(eq(requests.id, row.id)).run();
      retireRequest(db, clock, row.id, 'callback_expired');
    });
    report.expired++;
  }

  // Closed requests: personal data goes at closing, or when the retention period ends.
  const due = db
    .select({ id: requests.id, kind: requests.kind, retainedUntil: requests.retainedUntil })
    .from(requests)
    .innerJoin(personalData, eq(personalData.requestId, requests.id))
    .where(and(eq(requests.status, 'closed'), or(isNull(requests.retainedUntil), lt(requests.retainedUntil, today))))
    .all();
  for (const row of due) {
    db.transaction(() => {
      const rule = row.retainedUntil ? 'retention_ended' : row.kind === 'callback' ? 'callback_closed' : 'case_closed';
      if (retireRequest(db, clock, row.id, rule)) report.purged++;
    });
  }

  // Closed entries stay visible until the end of their closing day, then only the tombstone remains.
  const startOfToday = berlinDayStart(today);
  const finished = db
    .select({ id: requests.id })
    .from(requests)
    .leftJoin(personalData, eq(personalData.requestId, requests.id))
    .where(and(eq(requests.status, 'closed'), lt(requests.closedAt, startOfToday), isNull(personalData.requestId)))
    .all();
  for (const row of finished) {
    db.transaction(() => retireRequest(db, clock, row.id, 'case_closed', { dropEntry: true }));
  }

  report.smsPurged = purgeOldSms(db, new Date(now.getTime() - SMS_RETENTION_DAYS * DAY_MS).toISOString(), nowIso);
  if (report.purged + report.expired + report.smsPurged > 0) scrubWal(db);
  return report;
}

/** Deletes SMS records sent before `before`, in batches, then records one receipt for the cut. */
function purgeOldSms(db: DeskDb, before: string, nowIso: string): number {
  let total = 0;
  for (;;) {
    const deleted = db.transaction(() => {
      const ids = db.select({ id: smsLog.id }).from(smsLog).where(lt(smsLog.sentAt, before)).limit(SMS_BATCH).all().map((r) => r.id);
      if (ids.length === 0) return 0;
      return db.delete(smsLog).where(inArray(smsLog.id, ids)).run().changes;
    });
    total += deleted;
    if (deleted < SMS_BATCH) break;
  }
  db.transaction(() => {
    writeState(db, STATE_KEYS.smsPurgedBefore, before);
    if (total > 0) db.insert(receipts).values({ smsBefore: before, purgedAt: nowIso, rule: 'sms_90_days', status: 'pending' }).run();
  });
  return total;
}
