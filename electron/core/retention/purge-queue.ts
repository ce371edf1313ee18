// Planned purges are written to `purge_queue` in one transaction and worked off in batches;
// each batch deletes its queue rows in the transaction that does the purge. A crash between
// batches leaves the rest queued, and the next sweep (at start) finishes it.
import { and, asc, eq, inArray, lte, ne, notInArray, sql } from 'drizzle-orm';
import type { PurgeRule } from '../../../shared/sync-api';
import type { SweepReport } from '../../../shared/views';
import { appendAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { purgeQueue, receipts, requests, smsHolds, smsLog } from '../db/schema';
import { readState, STATE_KEYS, writeState } from '../db/state';
import { berlinDate } from '../time/berlin';
import { heldCustomers, type PlannedPurge } from './plan';
import { retireRequest, SYSTEM_ACTOR } from './purge';
import { advanceWatermark } from './watermark';

export const PURGE_BATCH = 500;
export const SMS_BATCH = 20_000;
/** The SMS cut of a planned sweep; its receipt is written once every planned SMS is gone. */
const SMS_CUT_KEY = 'retention.sms_cut';

export interface PurgeHooks {
  /** Called for a callback this workstation owns that expires: the backend must hear of it. */
  expireOwnedCallback?: (requestId: string) => void;
}

export function pendingPurges(db: DeskDb): number {
  return db.select({ n: sql<number>`count(*)` }).from(purgeQueue).get()?.n ?? 0;
}

export function enqueuePlan(db: DeskDb, clock: Clock, plan: readonly PlannedPurge[], smsCutAt: string): void {
  const plannedAt = clock().toISOString();
  db.transaction(() => {
    for (const item of plan) db.insert(purgeQueue).values({ action: item.action, targetId: item.targetId, rule: item.rule, plannedAt }).run();
    if (plan.some((p) => p.action === 'sms')) writeState(db, SMS_CUT_KEY, smsCutAt);
    else if (!readState(db, SMS_CUT_KEY)) advanceWatermark(db, STATE_KEYS.smsPurgedBefore, justAfter(smsCutAt));
  });
}

/** Works the queue off; `maxBatches` exists so a test can stop half-way, as a crash would. */
export function runPurgeQueue(db: DeskDb, clock: Clock, hooks: PurgeHooks = {}, maxBatches = Infinity): SweepReport {
  const report: SweepReport = { purged: 0, expired: 0, smsPurged: 0 };
  for (let batch = 0; batch < maxBatches; batch++) {
    const rows = db.select().from(purgeQueue).orderBy(asc(purgeQueue.seq)).limit(PURGE_BATCH).all();
    if (rows.length === 0) break;
    if (rows[0]!.action === 'sms') {
      runSmsBatch(db, clock, rows[0]!, report);
      continue;
    }
    // Requests and holds, up to the next SMS entry, in one transaction.
    const stop = rows.findIndex((r) => r.action === 'sms');
    const chunk = stop === -1 ? rows : rows.slice(0, stop);
    db.transaction(() => {
      for (const row of chunk) runOne(db, clock, row, hooks, report);
      db.delete(purgeQueue).where(inArray(purgeQueue.seq, chunk.map((r) => r.seq))).run();
    });
  }
  if (pendingPurges(db) === 0) finishSmsCut(db, clock, report.smsPurged);
  return report;
}

/**
 * One batch of an SMS cut: up to SMS_BATCH records per transaction. The queue entry goes in the
 * transaction that finds fewer than a full batch, so a crash resumes the same cut.
 */
function runSmsBatch(db: DeskDb, clock: Clock, row: typeof purgeQueue.$inferSelect, report: SweepReport): void {
  db.transaction(() => {
    const cut = readState(db, SMS_CUT_KEY) ?? row.targetId;
    let scope;
    if (row.rule === 'hold_ended') {
      const customer = db.select({ c: smsHolds.customerNumber }).from(smsHolds).where(eq(smsHolds.id, row.targetId)).get()?.c;
      scope = customer ? eq(smsLog.customerNumber, customer) : sql`0`;
    } else {
      const held = heldCustomers(db, berlinDate(clock()));
      scope = held.length > 0 ? notInArray(smsLog.customerNumber, held) : undefined;
    }
    // One statement: the batch is chosen by rowid inside SQLite, no ids travel through JavaScript.
    const batch = db.select({ rowid: sql`rowid` }).from(smsLog).where(and(lte(smsLog.sentAt, cut), scope)).limit(SMS_BATCH);
    const deleted = db.delete(smsLog).where(inArray(sql`rowid`, batch)).run().changes;
    report.smsPurged += deleted;
    if (deleted < SMS_BATCH) db.delete(purgeQueue).where(eq(purgeQueue.seq, row.seq)).run();
  });
}

function runOne(db: DeskDb, clock: Clock, row: typeof purgeQueue.$inferSelect, hooks: PurgeHooks, report: SweepReport): void {
  const rule = row.rule as PurgeRule;
  switch (row.action) {
    case 'expire': {
      const current = db.select({ status: requests.status }).from(requests).where(and(eq(requests.id, row.targetId), ne(requests.status, 'closed'))).get();
      if (!current) return; // closed meanwhile: the close path purged it
      if (current.status === 'claimed') hooks.expireOwnedCallback?.(row.targetId);
      const nowIso = clock().toISOString();
      db.update(requests).set({ status: 'closed', outcome: 'expired', closedAt: nowIso, updatedAt: nowIso }).where(eq(requests.id, row.targetId)).run();
      retireRequest(db, clock, row.targetId, rule);
      report.expired++;
      return;
    }
    case 'retire':
      if (retireRequest(db, clock, row.targetId, rule)) report.purged++;
      return;
    case 'drop':
      if (retireRequest(db, clock, row.targetId, rule, { dropEntry: true })) report.purged++;
      return;
    case 'sms':
      return; // handled by runSmsBatch
    case 'hold': {
      const ended = db.update(smsHolds).set({ customerNumber: null, endedAt: clock().toISOString() }).where(eq(smsHolds.id, row.targetId)).run();
      if (ended.changes > 0) appendAudit(db, clock, { actor: SYSTEM_ACTOR, action: 'hold.ended', subject: row.targetId, details: { rule } });
    }
  }
}

/** One receipt per SMS cut, and the feed may not bring back anything sent before it. */
function finishSmsCut(db: DeskDb, clock: Clock, purgedNow: number): void {
  const cut = readState(db, SMS_CUT_KEY);
  if (!cut) return;
  db.transaction(() => {
    writeState(db, STATE_KEYS.smsPurgedBefore, laterOf(readState(db, STATE_KEYS.smsPurgedBefore), justAfter(cut)));
    db.insert(receipts).values({ smsBefore: cut, purgedAt: clock().toISOString(), rule: 'sms_90_days', status: 'pending' }).run();
    appendAudit(db, clock, { actor: SYSTEM_ACTOR, action: 'purge.sms', subject: null, details: { before: cut, records: purgedNow } });
    writeState(db, SMS_CUT_KEY, null);
  });
}

function laterOf(a: string | null, b: string): string {
  return a && a > b ? a : b;
}

/** The cut itself was purged (due at the limit), so the feed's "older than" check starts 1 ms later. */
function justAfter(instant: string): string {
  return new Date(Date.parse(instant) + 1).toISOString();
}
