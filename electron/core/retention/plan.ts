// What a sweep at `now` under `rules` would purge. The dry run shows this list, and the real run
// executes exactly this list (sweep.ts), so what supervisors preview is what happens.
import { and, asc, eq, gte, isNotNull, isNull, lt, lte, ne, notInArray, sql } from 'drizzle-orm';
import type { RequestKind } from '../../../shared/domain';
import type { PurgeAction } from '../../../shared/retention';
import type { PurgeRule } from '../../../shared/sync-api';
import type { DeskDb } from '../db/open';
import { personalData, requests, smsHolds, smsLog } from '../db/schema';
import { addYearsToDate, berlinDate, berlinDayStart, shiftDate } from '../time/berlin';
import { RETENTION_RULE_BY_REASON, type RuleSet } from './rules';
import { berlinWallShift } from '../../../shared/berlin-wall-shift';

export interface PlannedPurge {
  action: PurgeAction;
  /** Request id; for `sms` the cut instant, or the id of the ended hold whose records go; hold id for `hold`. */
  targetId: string;
  kind: RequestKind | 'sms';
  rule: PurgeRule;
  /** SMS entries stand for many records: how many. */
  count?: number;
}

type RequestRow = Pick<typeof requests.$inferSelect, 'closedAt' | 'retainedUntil' | 'retentionReason'>;

/**
 * The last day a closed case may be kept: its `until`, cut to the (possibly tightened) rule for
 * its reason. Where the reason is unknown (another workstation's case) the date from the feed counts.
 */
export function effectiveUntil(row: RequestRow, rules: RuleSet): string | null {
  if (!row.retainedUntil) return null;
  const reason = row.retentionReason as keyof typeof RETENTION_RULE_BY_REASON | null;
  if (!reason || !row.closedAt || !(reason in RETENTION_RULE_BY_REASON)) return row.retainedUntil;
  const closedDay = berlinDate(new Date(row.closedAt));
  const cap = addYearsToDate(closedDay, rules[RETENTION_RULE_BY_REASON[reason]]);
  // A period of 0 years means "not beyond the closing day": purged the next day.
  return cap < row.retainedUntil ? cap : row.retainedUntil;
}

/** SMS records sent at or before this instant are due (Berlin wall-clock days, so DST does not shift it by an hour). */
export function smsCut(now: Date, rules: RuleSet): string {
  return berlinWallShift(now, -rules.sms_log);
}

/** Customer numbers under a confirmed legal hold that has not ended at `today`. */
export function heldCustomers(db: DeskDb, today: string): string[] {
  const rows = db
    .select({ customer: smsHolds.customerNumber })
    .from(smsHolds)
    .where(and(isNotNull(smsHolds.confirmedAt), isNull(smsHolds.endedAt), gte(smsHolds.until, today)))
    .all();
  return [...new Set(rows.map((r) => r.customer).filter((c): c is string => c !== null))];
}

export function planPurges(db: DeskDb, now: Date, rules: RuleSet): PlannedPurge[] {
  const today = berlinDate(now);
  const plan: PlannedPurge[] = [];

  // Callbacks never closed expire N days after their preferred date, at the start of that Berlin day.
  const stale = db
    .select({ id: requests.id })
    .from(requests)
    .where(and(eq(requests.kind, 'callback'), ne(requests.status, 'closed'), lte(requests.preferredDate, shiftDate(today, -rules.callback_expiry))))
    .orderBy(asc(requests.id))
    .all();
  for (const row of stale) plan.push({ action: 'expire', targetId: row.id, kind: 'callback', rule: 'callback_expired' });

  // Closed requests holding personal data: at once, or the day after the (effective) retention ends.
  const closedWithData = db
    .select({ id: requests.id, kind: requests.kind, closedAt: requests.closedAt, retainedUntil: requests.retainedUntil, retentionReason: requests.retentionReason })
    .from(requests)
    .innerJoin(personalData, eq(personalData.requestId, requests.id))
    .where(eq(requests.status, 'closed'))
    .orderBy(asc(requests.id))
    .all();
  for (const row of closedWithData) {
    const until = effectiveUntil(row, rules);
    if (until !== null && until >= today) continue;
    const rule: PurgeRule = row.retainedUntil ? 'retention_ended' : row.kind === 'callback' ? 'callback_closed' : 'case_closed';
    // Closed before today: the entry goes with its personal data in one step.
    const action = row.closedAt !== null && row.closedAt < berlinDayStart(today) ? 'drop' : 'retire';
    plan.push({ action, targetId: row.id, kind: row.kind, rule });
  }

  // Closed entries without personal data stay listed until the end of their closing day (and
  // while retained), then only the tombstone remains.
  const finished = db
    .select({ id: requests.id, kind: requests.kind, closedAt: requests.closedAt, retainedUntil: requests.retainedUntil, retentionReason: requests.retentionReason })
    .from(requests)
    .leftJoin(personalData, eq(personalData.requestId, requests.id))
    .where(and(eq(requests.status, 'closed'), lt(requests.closedAt, berlinDayStart(today)), isNull(personalData.requestId)))
    .orderBy(asc(requests.id))
    .all();
  for (const row of finished) {
    const until = effectiveUntil(row, rules);
    if (until !== null && until >= today) continue;
    plan.push({ action: 'drop', targetId: row.id, kind: row.kind, rule: row.retainedUntil ? 'retention_ended' : 'case_closed' });
  }

  plan.push(...planSms(db, now, today, rules));
  return plan;
}

/**
 * SMS records go by cut, not one by one: volumes are large (100 000s). One entry per ended hold
 * (its customer's records, rule `hold_ended`), then one for everything else up to the cut, then
 * the ended holds themselves. `count` is what each entry will delete, for the dry run.
 */
function planSms(db: DeskDb, now: Date, today: string, rules: RuleSet): PlannedPurge[] {
  const held = heldCustomers(db, today);
  const cut = smsCut(now, rules);
  // Due at the limit itself, so the scheduler's timer for that instant finds it due.
  const dueFor = (customers: { only?: string; except: string[] }) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(smsLog)
      .where(
        and(
          lte(smsLog.sentAt, cut),
          customers.only !== undefined ? eq(smsLog.customerNumber, customers.only) : undefined,
          customers.except.length > 0 ? notInArray(smsLog.customerNumber, customers.except) : undefined,
        ),
      )
      .get()?.n ?? 0;
  const endedHolds = db
    .select({ id: smsHolds.id, customer: smsHolds.customerNumber })
    .from(smsHolds)
    .where(and(isNull(smsHolds.endedAt), lt(smsHolds.until, today)))
    .orderBy(asc(smsHolds.id))
    .all();
  const plan: PlannedPurge[] = [];
  const ended = new Set<string>();
  for (const hold of endedHolds) {
    if (hold.customer === null || held.includes(hold.customer) || ended.has(hold.customer)) continue;
    ended.add(hold.customer);
    const count = dueFor({ only: hold.customer, except: [] });
    if (count > 0) plan.push({ action: 'sms', targetId: hold.id, kind: 'sms', rule: 'hold_ended', count });
  }
  const rest = dueFor({ except: [...held, ...ended] });
  if (rest > 0) plan.push({ action: 'sms', targetId: cut, kind: 'sms', rule: 'sms_90_days', count: rest });
  // The hold's own copy of the customer number goes after the records it protected.
  for (const hold of endedHolds) plan.push({ action: 'hold', targetId: hold.id, kind: 'sms', rule: 'hold_ended' });
  return plan;
}
