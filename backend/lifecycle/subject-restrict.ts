// Einschränkung (Art. 18 GDPR, issue 17 part 5): included hits of a case (requests, SMS and portal
// records) are restricted with a reason until lifted with a reason. While restricted a record is
// stored, not processed: no claim (claim.ts), no disclosure (disclosures.ts), and the workstations'
// lookups leave it out (they learn of it from `restriction.updated`, which carries no reason).
// Deletion by the retention schedule goes on: storage is what Art. 18(2) allows, not a duty to keep.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { type Restriction, type RestrictionInput, type RestrictionLift, type RestrictionState, type RestrictableSource } from '../../shared/subject-rights';
import { type Tx, type BackendDb } from '../db/database';
import { portalAccess, requests, restrictions, smsLog } from '../db/schema';
import { appendFeed } from '../feed/append';
import { AUDIENCE, requestAudience } from '../feed/audience';
import { wireInstant } from '../time';
import { type Caller } from './caller';
import { isIncluded, rightsCase, type RightsOutcome } from './subject-rights-gate';

type RestrictionRow = typeof restrictions.$inferSelect;

export function restrictionState(row: RestrictionRow): RestrictionState {
  return { id: row.id, source: row.source as RestrictableSource, recordId: row.recordId, active: row.liftedAt === null, since: wireInstant(row.at), liftedAt: row.liftedAt ? wireInstant(row.liftedAt) : null };
}

export function restrictionOf(row: RestrictionRow): Restriction {
  return {
    ...restrictionState(row),
    caseId: row.caseId,
    reason: row.reason,
    by: { userId: row.userId, displayName: row.userName },
    liftReason: row.liftReason,
    liftedBy: row.liftedBy ? { userId: row.liftedBy, displayName: row.liftedByName ?? '' } : null,
  };
}

/** Who sees the record sees its restriction: the request's kind, or the SMS and portal logs' readers. */
async function audienceOf(tx: Tx, source: RestrictableSource, recordId: string): Promise<number | null> {
  if (source === 'sms') return (await tx.select({ id: smsLog.id }).from(smsLog).where(eq(smsLog.id, recordId))).length ? AUDIENCE.sms : null;
  if (source === 'portal') return (await tx.select({ id: portalAccess.id }).from(portalAccess).where(eq(portalAccess.id, recordId))).length ? AUDIENCE.portal : null;
  const [row] = await tx.select({ kind: requests.kind, status: requests.status }).from(requests).where(eq(requests.id, recordId));
  return row && row.status !== 'erased' ? requestAudience(row.kind) : null;
}

/** Restricts records for a case; a record restricted already stays as it is (and is answered as it is). */
export async function restrictRecords(
  tx: Tx,
  caller: Caller,
  caseId: string,
  targets: readonly { source: RestrictableSource; recordId: string }[],
  reason: string,
  now: Date,
  objectionId: string | null = null,
): Promise<Restriction[] | { status: 'not_found' }> {
  const out: Restriction[] = [];
  for (const { source, recordId } of targets) {
    const audience = await audienceOf(tx, source, recordId);
    if (audience === null) return { status: 'not_found' };
    const [inserted] = await tx
      .insert(restrictions)
      .values({ id: randomUUID(), caseId, source, recordId, objectionId, reason, userId: caller.user.id, userName: caller.user.displayName, at: now })
      .onConflictDoNothing()
      .returning();
    if (inserted) {
      await appendFeed(tx, [{ type: 'restriction.updated', at: now, audience, data: { restriction: restrictionState(inserted) } }]);
      out.push(restrictionOf(inserted));
    } else {
      const [active] = await tx
        .select()
        .from(restrictions)
        .where(and(eq(restrictions.source, source), eq(restrictions.recordId, recordId), isNull(restrictions.liftedAt)));
      if (active) out.push(restrictionOf(active));
    }
  }
  return out;
}

export async function restrictHits(db: BackendDb, caller: Caller, caseId: string, input: RestrictionInput, now: Date): Promise<RightsOutcome<Restriction[]>> {
  return db.transaction(async (tx) => {
    const gate = await rightsCase(tx, caller, caseId, ['restriction']);
    if (gate.status !== 'ok') return gate;
    const targets = [];
    for (const hitId of new Set(input.hitIds)) {
      if (!(await isIncluded(tx, caseId, hitId))) return { status: 'not_included' };
      const [source, recordId] = hitId.split(':') as [RestrictableSource, string];
      targets.push({ source, recordId });
    }
    const restricted = await restrictRecords(tx, caller, caseId, targets, input.reason, now);
    return Array.isArray(restricted) ? { status: 'ok', value: restricted } : restricted;
  });
}

/** Lifting: by the dpo holding the case that restricted, with a reason; the record is processed again. */
export async function liftRestriction(db: BackendDb, caller: Caller, caseId: string, restrictionId: string, input: RestrictionLift, now: Date): Promise<RightsOutcome<Restriction>> {
  return db.transaction(async (tx) => {
    const gate = await rightsCase(tx, caller, caseId, 'any');
    if (gate.status !== 'ok') return gate;
    const [row] = await tx.select().from(restrictions).where(eq(restrictions.id, restrictionId)).for('update');
    if (!row || row.caseId !== caseId) return { status: 'unknown_restriction' };
    if (row.liftedAt !== null) return { status: 'already_lifted' };
    const [lifted] = await tx
      .update(restrictions)
      .set({ liftedAt: now, liftReason: input.reason, liftedBy: caller.user.id, liftedByName: caller.user.displayName })
      .where(eq(restrictions.id, restrictionId))
      .returning();
    const audience = (await audienceOf(tx, row.source as RestrictableSource, row.recordId)) ?? null;
    // A record gone meanwhile (purged by its schedule) has nobody left to tell.
    if (audience !== null) await appendFeed(tx, [{ type: 'restriction.updated', at: now, audience, data: { restriction: restrictionState(lifted!) } }]);
    return { status: 'ok', value: restrictionOf(lifted!) };
  });
}

export async function caseRestrictions(tx: Tx, caseId: string): Promise<Restriction[]> {
  return (await tx.select().from(restrictions).where(eq(restrictions.caseId, caseId)).orderBy(asc(restrictions.at), asc(restrictions.recordId))).map(restrictionOf);
}
