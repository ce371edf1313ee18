// The supervisors' view of the workstations (issue 16, item 5) and their retirement. A retired
// workstation cannot log in again (workstations.ts) and its sessions end at once; the cases it
// holds go back to the queue; every proof of deletion it still owes is recorded as
// `workstation_retired`, dated and signed by the supervisor, so the dashboards stop counting it as
// overdue and the Löschprotokoll says honestly what happened instead of showing a deletion.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { RetireWorkstationResponse, SelfTestReport, WorkstationView } from '../../shared/workstations';
import { type BackendDb, type Queryable, type Tx } from '../db/database';
import { holdings, receipts, requests, sessions, workstations } from '../db/schema';
import { appendFeed, type NewFeedEvent } from '../feed/append';
import { AUDIENCE, requestAudience } from '../feed/audience';
import { wireInstant } from '../time';
import { type Caller } from './caller';

const SEEN_RESOLUTION_MS = 60_000;

/** A report may be dated a little ahead of the backend's clock (clock skew), not more. */
const REPORT_SKEW_MS = 5 * 60_000;

/**
 * The caller's workstation reports its latest deletion self-test; an older report than the one
 * kept changes nothing (reports may arrive twice or out of order after a lost answer).
 */
export async function recordSelfTest(q: Queryable, workstation: string, report: SelfTestReport, now: Date): Promise<'recorded' | 'older' | 'future'> {
  const at = new Date(report.at);
  if (at.getTime() > now.getTime() + REPORT_SKEW_MS) return 'future';
  const updated = await q
    .update(workstations)
    .set({ lastSelfTestAt: at, lastSelfTestPassed: report.passed, lastSelfTestFindings: report.findings })
    .where(and(eq(workstations.id, workstation), sql`(${workstations.lastSelfTestAt} IS NULL OR ${workstations.lastSelfTestAt} < ${at})`))
    .returning({ id: workstations.id });
  return updated.length > 0 ? 'recorded' : 'older';
}

/** When this process last marked each workstation, per database: a pull of 200 pages asks once, not 200 times (issue 19). */
const markedHere = new WeakMap<Queryable, Map<string, number>>();

/** Notes that the workstation was in contact; one write a minute at most, whatever the poll rate. */
export async function markSeen(q: Queryable, workstation: string, now: Date): Promise<void> {
  let marked = markedHere.get(q);
  if (!marked) markedHere.set(q, (marked = new Map()));
  const last = marked.get(workstation);
  if (last !== undefined && Math.abs(now.getTime() - last) < SEEN_RESOLUTION_MS) return;
  const stale = new Date(now.getTime() - SEEN_RESOLUTION_MS);
  await q
    .update(workstations)
    .set({ lastSeenAt: now })
    .where(and(eq(workstations.id, workstation), sql`(${workstations.lastSeenAt} IS NULL OR ${workstations.lastSeenAt} < ${stale})`));
  marked.set(workstation, now.getTime());
}

type Row = typeof workstations.$inferSelect;
interface Tally {
  missing: number;
  holding: number;
}

/**
 * Per workstation: requests it held without its receipt, split into those it holds now (claimed
 * there, or closed with a retention still running: the data may stay) and those it owes a proof for.
 */
async function tallies(q: Queryable, today: string): Promise<Map<string, Tally>> {
  const rows = await q
    .select({
      workstation: holdings.workstation,
      holding: sql<number>`count(*) FILTER (WHERE (${requests.status} = 'claimed' AND ${requests.leaseWorkstation} = ${holdings.workstation}))`.mapWith(Number),
      missing: sql<number>`count(*) FILTER (WHERE NOT (${requests.status} = 'claimed' AND ${requests.leaseWorkstation} = ${holdings.workstation})
        AND NOT (${requests.status} = 'closed' AND ${requests.retainedUntil} IS NOT NULL AND ${requests.retainedUntil} >= ${today}::date))`.mapWith(Number),
    })
    .from(holdings)
    .leftJoin(requests, eq(requests.id, holdings.requestId))
    .leftJoin(receipts, and(eq(receipts.workstation, holdings.workstation), eq(receipts.requestId, holdings.requestId)))
    .where(isNull(receipts.workstation))
    .groupBy(holdings.workstation);
  return new Map(rows.map((r) => [r.workstation, { missing: r.missing, holding: r.holding }]));
}

function view(row: Row, tally: Tally | undefined): WorkstationView {
  return {
    id: row.id,
    registeredAt: wireInstant(row.registeredAt),
    registeredBy: row.registeredBy,
    lastSeenAt: row.lastSeenAt ? wireInstant(row.lastSeenAt) : null,
    missingReceipts: tally?.missing ?? 0,
    holding: tally?.holding ?? 0,
    retired: row.retiredAt
      ? { at: wireInstant(row.retiredAt), by: { userId: row.retiredBy ?? '', displayName: row.retiredByName ?? row.retiredBy ?? '' }, reason: row.retireReason ?? '' }
      : null,
    lastSelfTest: row.lastSelfTestAt ? { at: wireInstant(row.lastSelfTestAt), passed: row.lastSelfTestPassed ?? false, findings: row.lastSelfTestFindings ?? 0 } : null,
  };
}

export async function listWorkstations(q: Queryable, today: string): Promise<WorkstationView[]> {
  const [rows, counts] = await Promise.all([q.select().from(workstations).orderBy(sql`${workstations.lastSeenAt} DESC NULLS LAST`, workstations.registeredAt), tallies(q, today)]);
  return rows.map((row) => view(row, counts.get(row.id)));
}

export type RetireOutcome = { status: 'ok'; result: RetireWorkstationResponse } | { status: 'forbidden' | 'not_found' | 'already_retired' | 'own_workstation' };

export async function retireWorkstation(db: BackendDb, caller: Caller, id: string, reason: string, now: Date, today: string): Promise<RetireOutcome> {
  if (!caller.user.roles.includes('supervisor')) return { status: 'forbidden' };
  // Retiring the workstation one works at would end the session that is doing it.
  if (id === caller.workstation) return { status: 'own_workstation' };
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(workstations).where(eq(workstations.id, id)).for('update');
    if (!row) return { status: 'not_found' };
    if (row.retiredAt) return { status: 'already_retired' };
    const [retired] = await tx
      .update(workstations)
      .set({ retiredAt: now, retiredBy: caller.user.id, retiredByName: caller.user.displayName, retireReason: reason })
      .where(eq(workstations.id, id))
      .returning();
    await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.workstation, id), isNull(sessions.revokedAt)));
    const released = await releaseItsClaims(tx, id, now);
    const recordedAsRetired = await recordOwedProofs(tx, id, now);
    const tally = (await tallies(tx, today)).get(id);
    return { status: 'ok', result: { workstation: view(retired!, tally), recordedAsRetired, released } };
  });
}

async function releaseItsClaims(tx: Tx, workstation: string, now: Date): Promise<number> {
  const freed = await tx
    .update(requests)
    .set({ status: 'open', leaseUserId: null, leaseDisplayName: null, leaseWorkstation: null, leaseUntil: null })
    .where(and(eq(requests.status, 'claimed'), eq(requests.leaseWorkstation, workstation)))
    .returning({ id: requests.id, kind: requests.kind });
  await appendFeed(
    tx,
    freed.map((r): NewFeedEvent => ({ type: 'request.released', at: now, audience: requestAudience(r.kind), data: { requestId: r.id } })),
  );
  return freed.length;
}

/** Every request it held without its receipt: recorded as retired (the data on it is beyond reach). */
async function recordOwedProofs(tx: Tx, workstation: string, now: Date): Promise<number> {
  const owed = await tx
    .select({ requestId: holdings.requestId })
    .from(holdings)
    .leftJoin(receipts, and(eq(receipts.workstation, holdings.workstation), eq(receipts.requestId, holdings.requestId)))
    .where(and(eq(holdings.workstation, workstation), isNull(receipts.workstation)));
  if (owed.length === 0) return 0;
  const purgedAt = wireInstant(now);
  await tx
    .insert(receipts)
    .values(owed.map((o) => ({ workstation, subject: `request:${o.requestId}`, rule: 'workstation_retired', requestId: o.requestId, smsBefore: null, purgedAt, recordedAt: now })))
    .onConflictDoNothing();
  await appendFeed(
    tx,
    owed.map((o): NewFeedEvent => ({ type: 'receipt.recorded', at: now, audience: AUDIENCE.receipts, data: { receipt: { workstation, purgedAt, rule: 'workstation_retired', requestId: o.requestId } } })),
  );
  return owed.length;
}
