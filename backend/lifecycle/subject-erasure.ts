// The Löschung of a data-subject request (issue 17, item 4): what the officer included among the
// Find's hits goes at the backend in one transaction. Requests become tombstones (`request.erased`),
// SMS and portal records are deleted with their feed events (`sms.erased` / `portal.erased` tell
// the workstations that read them). A confirmed hold or a running retention keeps an item, listed
// with its reason and last day; the case itself is never erased by its own Löschung. The record
// kept with the case names sources and ids only, and which workstations owe a receipt.
import { randomUUID } from 'node:crypto';
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { type RetentionReason } from '../../shared/domain';
import { type ErasureItem, type ErasureLog, type ErasurePlan, type KeptItem, type SubjectErasureView } from '../../shared/subject-erasure';
import { type BackendDb, type Tx } from '../db/database';
import { feedEvents, holds, logReaders, portalAccess, requests, smsLog, subjectErasures, subjectHits, subjectRequests } from '../db/schema';
import { appendFeed } from '../feed/append';
import { AUDIENCE } from '../feed/audience';
import { berlinDay, dayToIsoDate, wireInstant } from '../time';
import { type Caller } from './caller';
import { eraseRequestIn } from './erase';
import { erasureView } from './subject-erasure-receipts';
import { heldSubjectCase, type RequestRow } from './subject-case';

export const SUBJECT_ERASURE_REASON = 'subject_erasure';

export type ErasureOutcome = { status: 'ok'; value: SubjectErasureView } | { status: 'not_found' | 'forbidden' | 'not_owner' | 'not_marked' | 'already_erased' | 'nothing_included' | 'not_erasure' };

/** Customer numbers under a confirmed hold that lasts until today or later, with its last day. */
async function heldUntil(tx: Tx, customers: string[], today: string): Promise<Map<string, string>> {
  if (customers.length === 0) return new Map();
  const rows = await tx
    .select({ customer: holds.customerNumber, until: holds.until })
    .from(holds)
    .where(and(eq(holds.status, 'confirmed'), gte(holds.until, today), inArray(holds.customerNumber, customers)));
  const out = new Map<string, string>();
  for (const r of rows) if ((out.get(r.customer) ?? '') < r.until) out.set(r.customer, r.until);
  return out;
}

function requestItem(caseRow: RequestRow, row: RequestRow, today: string): { erase: ErasureItem } | { keep: KeptItem } | null {
  const item: ErasureItem = { source: 'request', id: row.id, at: wireInstant(row.receivedAt) };
  if (row.id === caseRow.id) return { keep: { ...item, reason: 'this_case', until: null } };
  // A tombstone has nothing left to erase.
  if (row.status === 'erased' || row.name === null) return null;
  if (row.status === 'closed' && row.retainedUntil && row.retainedUntil >= today) {
    return { keep: { ...item, reason: (row.retentionReason as RetentionReason | null) ?? 'statutory', until: row.retainedUntil } };
  }
  return { erase: item };
}

/** The included hits as they stand now: what would go, what stays and why. */
export async function planErasure(tx: Tx, caseRow: RequestRow, now: Date): Promise<ErasurePlan> {
  const today = dayToIsoDate(berlinDay(now.getTime()));
  const included = await tx
    .select({ hitId: subjectHits.hitId })
    .from(subjectHits)
    .where(and(eq(subjectHits.requestId, caseRow.id), eq(subjectHits.decision, 'include')));
  const ids = (source: string) => included.filter((h) => h.hitId.startsWith(`${source}:`)).map((h) => h.hitId.slice(source.length + 1));
  const plan: ErasurePlan = { erase: [], keep: [] };

  const requestIds = ids('request');
  for (const row of requestIds.length ? await tx.select().from(requests).where(inArray(requests.id, requestIds)).orderBy(requests.receivedAt) : []) {
    const decided = requestItem(caseRow, row, today);
    if (decided && 'erase' in decided) plan.erase.push(decided.erase);
    else if (decided) plan.keep.push(decided.keep);
  }
  const smsIds = ids('sms');
  const portalIds = ids('portal');
  const sms = smsIds.length ? await tx.select().from(smsLog).where(inArray(smsLog.id, smsIds)).orderBy(smsLog.sentAt) : [];
  const portal = portalIds.length ? await tx.select().from(portalAccess).where(inArray(portalAccess.id, portalIds)).orderBy(portalAccess.at) : [];
  const held = await heldUntil(tx, [...new Set([...sms, ...portal].map((r) => r.customerNumber))], today);
  for (const [source, rows] of [
    ['sms', sms.map((r) => ({ id: r.id, at: r.sentAt, customer: r.customerNumber }))],
    ['portal', portal.map((r) => ({ id: r.id, at: r.at, customer: r.customerNumber }))],
  ] as const) {
    for (const r of rows) {
      const item: ErasureItem = { source, id: r.id, at: wireInstant(r.at) };
      const until = held.get(r.customer);
      if (until) plan.keep.push({ ...item, reason: 'hold', until });
      else plan.erase.push(item);
    }
  }
  return plan;
}

export async function readErasure(db: BackendDb, caller: Caller, requestId: string, now: Date): Promise<ErasureOutcome> {
  return db.transaction(async (tx) => {
    const gate = await heldSubjectCase(tx, caller, requestId);
    if (gate.status !== 'ok') return gate;
    const [marked] = await tx.select({ id: subjectRequests.requestId }).from(subjectRequests).where(eq(subjectRequests.requestId, requestId));
    if (!marked) return { status: 'not_marked' };
    const [done] = await tx.select().from(subjectErasures).where(eq(subjectErasures.requestId, requestId));
    if (done) return { status: 'ok', value: { erasure: await erasureView(tx, done), plan: null } };
    return { status: 'ok', value: { erasure: null, plan: await planErasure(tx, gate.row, now) } };
  });
}

/**
 * The workstations that read any of these log records from the feed (the earliest record's event
 * is the bar): each holds a copy until it purges and says so.
 */
async function readersOf(tx: Tx, column: typeof feedEvents.smsId | typeof feedEvents.portalId, ids: string[]): Promise<string[]> {
  const [first] = await tx
    .select({ seq: sql<number | null>`min(${feedEvents.seq})`.mapWith((v) => (v === null ? null : Number(v))) })
    .from(feedEvents)
    .where(inArray(column, ids));
  if (first?.seq == null) return [];
  const rows = await tx.select({ workstation: logReaders.workstation }).from(logReaders).where(gte(logReaders.throughSeq, first.seq));
  return rows.map((r) => r.workstation).sort();
}

export async function executeErasure(db: BackendDb, caller: Caller, requestId: string, now: Date): Promise<ErasureOutcome> {
  return db.transaction(async (tx) => {
    const gate = await heldSubjectCase(tx, caller, requestId);
    if (gate.status !== 'ok') return gate;
    const [marked] = await tx.select({ type: subjectRequests.type }).from(subjectRequests).where(eq(subjectRequests.requestId, requestId));
    if (!marked) return { status: 'not_marked' };
    // Art. 17 only: an Auskunft or a Widerspruch erases nothing by itself.
    if (marked.type !== 'erasure') return { status: 'not_erasure' };
    const [done] = await tx.select({ id: subjectErasures.id }).from(subjectErasures).where(eq(subjectErasures.requestId, requestId));
    if (done) return { status: 'already_erased' };
    const plan = await planErasure(tx, gate.row, now);
    if (plan.erase.length === 0 && plan.keep.length === 0) return { status: 'nothing_included' };

    const erasureId = randomUUID();
    const of = (source: ErasureItem['source']) => plan.erase.filter((i) => i.source === source).map((i) => i.id);
    for (const id of of('request')) await eraseRequestIn(tx, id, SUBJECT_ERASURE_REASON, now);
    const logOwers: { workstation: string; log: ErasureLog }[] = [];
    const smsIds = of('sms');
    if (smsIds.length > 0) {
      for (const workstation of await readersOf(tx, feedEvents.smsId, smsIds)) logOwers.push({ workstation, log: 'sms' });
      // The rows go, and their `sms.logged` events with them (ON DELETE CASCADE): nothing to replay.
      await tx.delete(smsLog).where(inArray(smsLog.id, smsIds));
      await appendFeed(tx, [{ type: 'sms.erased', at: now, audience: AUDIENCE.sms, data: { erasureId, smsIds, reason: SUBJECT_ERASURE_REASON } }]);
    }
    const accessIds = of('portal');
    if (accessIds.length > 0) {
      for (const workstation of await readersOf(tx, feedEvents.portalId, accessIds)) logOwers.push({ workstation, log: 'portal' });
      await tx.delete(portalAccess).where(inArray(portalAccess.id, accessIds));
      await appendFeed(tx, [{ type: 'portal.erased', at: now, audience: AUDIENCE.portal, data: { erasureId, accessIds, reason: SUBJECT_ERASURE_REASON } }]);
    }
    const [row] = await tx
      .insert(subjectErasures)
      .values({ id: erasureId, requestId, at: now, userId: caller.user.id, userName: caller.user.displayName, erased: plan.erase, kept: plan.keep, logOwers })
      .returning();
    return { status: 'ok', value: { erasure: await erasureView(tx, row!), plan: null } };
  });
}
