// The disclosure register at the backend (issue 16): a data-protection officer records a package
// of SMS records (by id) for an authority, a different person with the supervisor role approves
// or rejects it. Every change goes to the feed (`disclosure.updated`, dpo and supervisors), so the
// register and its decisions are the same on every workstation allowed to see them.
import { eq } from 'drizzle-orm';
import { type BackendDisclosure, type DisclosureDecision, type DisclosureRequest } from '../../shared/disclosures';
import { type BackendDb, type Tx } from '../db/database';
import { disclosures } from '../db/schema';
import { appendFeed } from '../feed/append';
import { AUDIENCE } from '../feed/audience';
import { wireInstant } from '../time';
import { restrictedAmong } from './subject-rights-gate';
import { actorOf, type Caller } from './caller';

type DisclosureRow = typeof disclosures.$inferSelect;

export type DisclosureOutcome =
  | { status: 'ok' | 'created'; disclosure: BackendDisclosure }
  | { status: 'forbidden' | 'not_found' | 'same_person' | 'already_decided' | 'id_conflict' }
  | { status: 'restricted'; count: number };

export function disclosureView(row: DisclosureRow): BackendDisclosure {
  return {
    id: row.id,
    caseRef: row.caseRef,
    authority: row.authority,
    authorityRef: row.authorityRef,
    legalBasis: row.legalBasis,
    smsIds: row.smsIds,
    status: row.status as BackendDisclosure['status'],
    requestedBy: { userId: row.requestedBy, displayName: row.requestedByName },
    requestedAt: wireInstant(row.requestedAt),
    decidedBy: row.decidedBy ? { userId: row.decidedBy, displayName: row.decidedByName ?? row.decidedBy } : null,
    decidedAt: row.decidedAt ? wireInstant(row.decidedAt) : null,
    decisionNote: row.decisionNote,
  };
}

async function announce(tx: Tx, row: DisclosureRow, now: Date): Promise<BackendDisclosure> {
  const disclosure = disclosureView(row);
  await appendFeed(tx, [{ type: 'disclosure.updated', at: now, audience: AUDIENCE.disclosures, data: { disclosure } }]);
  return disclosure;
}

/** The same request sent again (a lost answer) is the one asked before: same officer, same package. */
function sameRequest(row: DisclosureRow, caller: Caller, input: DisclosureRequest): boolean {
  return (
    row.requestedBy === caller.user.id &&
    row.caseRef === input.caseRef &&
    row.authority === input.authority &&
    row.authorityRef === input.authorityRef &&
    row.legalBasis === input.legalBasis &&
    JSON.stringify(row.smsIds) === JSON.stringify(input.smsIds)
  );
}

export async function requestDisclosure(db: BackendDb, caller: Caller, input: DisclosureRequest, now: Date): Promise<DisclosureOutcome> {
  if (!caller.user.roles.includes('dpo')) return { status: 'forbidden' };
  const by = actorOf(caller);
  return db.transaction(async (tx) => {
    const [known] = await tx.select().from(disclosures).where(eq(disclosures.id, input.id)).for('update');
    if (known) return sameRequest(known, caller, input) ? { status: 'ok', disclosure: disclosureView(known) } : { status: 'id_conflict' };
    // Issue 17 part 5 (Art. 18): restricted records are not disclosed; the package is refused whole, not trimmed silently.
    const restricted = await restrictedAmong(tx, 'sms', input.smsIds);
    if (restricted > 0) return { status: 'restricted', count: restricted };
    const [row] = await tx
      .insert(disclosures)
      .values({
        id: input.id,
        caseRef: input.caseRef,
        authority: input.authority,
        authorityRef: input.authorityRef,
        legalBasis: input.legalBasis,
        smsIds: input.smsIds,
        status: 'requested',
        requestedBy: by.userId,
        requestedByName: by.displayName,
        requestedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      // Two copies of one request at once: the other one inserted it (committed, so visible now).
      const [other] = await tx.select().from(disclosures).where(eq(disclosures.id, input.id));
      return other && sameRequest(other, caller, input) ? { status: 'ok', disclosure: disclosureView(other) } : { status: 'id_conflict' };
    }
    return { status: 'created', disclosure: await announce(tx, row, now) };
  });
}

/** Four eyes: the supervisor who decides may not be the officer who asked. A decision is final. */
export async function decideDisclosure(db: BackendDb, caller: Caller, id: string, decision: DisclosureDecision, now: Date): Promise<DisclosureOutcome> {
  if (!caller.user.roles.includes('supervisor')) return { status: 'forbidden' };
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(disclosures).where(eq(disclosures.id, id)).for('update');
    if (!row) return { status: 'not_found' };
    if (row.requestedBy === caller.user.id) return { status: 'same_person' };
    if (row.status !== 'requested') return { status: 'already_decided' };
    const restricted = decision.decision === 'approve' ? await restrictedAmong(tx, 'sms', row.smsIds) : 0;
    if (restricted > 0) return { status: 'restricted', count: restricted };
    const [updated] = await tx
      .update(disclosures)
      .set({
        status: decision.decision === 'approve' ? 'approved' : 'rejected',
        decidedBy: caller.user.id,
        decidedByName: caller.user.displayName,
        decidedAt: now,
        decisionNote: decision.note || null,
      })
      .where(eq(disclosures.id, id))
      .returning();
    return { status: 'ok', disclosure: await announce(tx, updated!, now) };
  });
}
