// The soonest moment anything in the database becomes due under the current rules: what the
// expiry scheduler arms its timer for. Mirrors plan.ts, which decides what is due at a moment.
import { and, eq, isNotNull, isNull, min, ne, notInArray } from 'drizzle-orm';
import type { DeskDb } from '../db/open';
import { personalData, requests, smsHolds, smsLog } from '../db/schema';
import { berlinDate, berlinDayStart } from '../time/berlin';
import { nextLapsedClaim } from './lapsed-claims';
import { effectiveUntil, heldCustomers } from './plan';
import { pendingPurges } from './purge-queue';
import { readRules } from './rules';
import { berlinWallShift } from '../../../shared/berlin-wall-shift';
import { nextExportEnd } from '../officer/disclosure-export-end';
import { nextSubjectReportEnd } from '../officer/subject-report-end';

export function nextExpiry(db: DeskDb, now: Date): Date | null {
  if (pendingPurges(db) > 0) return now;
  const rules = readRules(db);
  const today = berlinDate(now);
  const candidates: string[] = [];

  const callback = db
    .select({ date: min(requests.preferredDate) })
    .from(requests)
    .where(and(eq(requests.kind, 'callback'), ne(requests.status, 'closed')))
    .get()?.date;
  if (callback) candidates.push(berlinDayStart(callback, rules.callback_expiry));

  // Closed requests: personal data is due at once, retained data the day after its (capped) end,
  // and the entry itself at the start of the day after closing.
  const closed = db
    .select({ closedAt: requests.closedAt, retainedUntil: requests.retainedUntil, retentionReason: requests.retentionReason, hasData: personalData.requestId })
    .from(requests)
    .leftJoin(personalData, eq(personalData.requestId, requests.id))
    .where(eq(requests.status, 'closed'))
    .all();
  for (const row of closed) {
    const until = effectiveUntil(row, rules);
    const dataDue = until ? berlinDayStart(until, 1) : now.toISOString();
    if (row.hasData) candidates.push(dataDue);
    if (row.closedAt) candidates.push(laterOf(dataDue, berlinDayStart(berlinDate(new Date(row.closedAt)), 1)));
  }

  const held = heldCustomers(db, today);
  const oldestSms = db
    .select({ sentAt: min(smsLog.sentAt) })
    .from(smsLog)
    .where(held.length > 0 ? notInArray(smsLog.customerNumber, held) : undefined)
    .get()?.sentAt;
  if (oldestSms) candidates.push(berlinWallShift(new Date(oldestSms), rules.sms_log));
  const holdEnd = db
    .select({ until: min(smsHolds.until) })
    .from(smsHolds)
    .where(and(isNull(smsHolds.endedAt), isNotNull(smsHolds.customerNumber)))
    .get()?.until;
  if (holdEnd) candidates.push(berlinDayStart(holdEnd, 1));
  const lapse = nextLapsedClaim(db);
  if (lapse) candidates.push(lapse);
  // Issue 16: a disclosure's exported folder at its end.
  const exportEnd = nextExportEnd(db);
  if (exportEnd) candidates.push(exportEnd);
  // Issue 17: an Auskunft's files at sent + proof period.
  const reportEnd = nextSubjectReportEnd(db);
  if (reportEnd) candidates.push(reportEnd);

  if (candidates.length === 0) return null;
  return new Date(candidates.reduce((a, b) => (a < b ? a : b)));
}

function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}
