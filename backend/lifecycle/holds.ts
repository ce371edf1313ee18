// Legal holds at the backend (issue 14): requested by a data-protection officer for one
// customer's SMS and portal records, at most 180 days; confirmed or rejected by a different
// person with the supervisor role. Every change goes to the feed (`hold.updated`), so every
// workstation of dpo and supervisors knows which records its purge must spare.
import { randomUUID } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import { HOLD_MAX_DAYS, type BackendHold, type HoldDecision, type HoldRequest } from '../../shared/holds';
import { type BackendDb, type Tx } from '../db/database';
import { holds } from '../db/schema';
import { appendFeed } from '../feed/append';
import { AUDIENCE } from '../feed/audience';
import { berlinDay, dayToIsoDate, wireInstant } from '../time';
import { actorOf, type Caller } from './caller';

type HoldRow = typeof holds.$inferSelect;

export type HoldOutcome = { status: 'ok'; hold: BackendHold } | { status: 'forbidden' | 'not_found' | 'same_person' | 'already_decided' } | { status: 'invalid'; detail: string };

export function holdView(row: HoldRow): BackendHold {
  return {
    id: row.id,
    caseRef: row.caseRef,
    customerNumber: row.customerNumber,
    reason: row.reason,
    until: row.until,
    status: row.status as BackendHold['status'],
    requestedBy: { userId: row.requestedBy, displayName: row.requestedByName },
    requestedAt: wireInstant(row.requestedAt),
    decidedBy: row.decidedBy ? { userId: row.decidedBy, displayName: row.decidedByName ?? row.decidedBy } : null,
    decidedAt: row.decidedAt ? wireInstant(row.decidedAt) : null,
    decisionNote: row.decisionNote,
  };
}

async function announce(tx: Tx, row: HoldRow, now: Date): Promise<BackendHold> {
  const hold = holdView(row);
  await appendFeed(tx, [{ type: 'hold.updated', at: now, audience: AUDIENCE.holds, data: { hold } }]);
  return hold;
}

export async function requestHold(db: BackendDb, caller: Caller, input: HoldRequest, now: Date): Promise<HoldOutcome> {
  if (!caller.user.roles.includes('dpo')) return { status: 'forbidden' };
  const today = berlinDay(now.getTime());
  const until = Math.round(Date.parse(`${input.until}T00:00:00Z`) / 86_400_000);
  if (until <= today) return { status: 'invalid', detail: 'until must lie after today.' };
  if (until > today + HOLD_MAX_DAYS) return { status: 'invalid', detail: `A hold lasts at most ${HOLD_MAX_DAYS} days, until ${dayToIsoDate(today + HOLD_MAX_DAYS)}.` };
  const by = actorOf(caller);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(holds)
      .values({ id: randomUUID(), caseRef: input.caseRef, customerNumber: input.customerNumber, reason: input.reason, until: input.until, status: 'requested', requestedBy: by.userId, requestedByName: by.displayName, requestedAt: now })
      .returning();
    return { status: 'ok', hold: await announce(tx, row!, now) };
  });
}

/** Four eyes: the supervisor who decides may not be the officer who asked. */
export async function decideHold(db: BackendDb, caller: Caller, holdId: string, decision: HoldDecision, now: Date): Promise<HoldOutcome> {
  if (!caller.user.roles.includes('supervisor')) return { status: 'forbidden' };
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(holds).where(eq(holds.id, holdId)).for('update');
    if (!row) return { status: 'not_found' };
    if (row.requestedBy === caller.user.id) return { status: 'same_person' };
    if (row.status !== 'requested') return { status: 'already_decided' };
    const [updated] = await tx
      .update(holds)
      .set({ status: decision.decision === 'confirm' ? 'confirmed' : 'rejected', decidedBy: caller.user.id, decidedByName: caller.user.displayName, decidedAt: now, decisionNote: decision.note ?? null })
      .where(eq(holds.id, holdId))
      .returning();
    return { status: 'ok', hold: await announce(tx, updated!, now) };
  });
}

/** Confirmed holds past their last day end (and say so in the feed). */
export async function endExpiredHolds(tx: Tx, now: Date, batch: number): Promise<number> {
  const today = dayToIsoDate(berlinDay(now.getTime()));
  const expired = await tx.select().from(holds).where(and(eq(holds.status, 'confirmed'), lt(holds.until, today))).limit(batch).for('update', { skipLocked: true });
  for (const row of expired) {
    const [ended] = await tx.update(holds).set({ status: 'ended' }).where(eq(holds.id, row.id)).returning();
    await announce(tx, ended!, now);
  }
  return expired.length;
}
