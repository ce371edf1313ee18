// The gate of every data-subject request call (issue 17): a dpo case, claimed by the caller on the
// caller's workstation. Like request events, only the holder of the case acts on it: the person's
// data lives there, and the search it starts is bound to this one case.
import { eq } from 'drizzle-orm';
import { type Tx } from '../db/database';
import { requests } from '../db/schema';
import { holdsLease, type Caller } from './caller';

export type RequestRow = typeof requests.$inferSelect;
export type CaseGate = { status: 'ok'; row: RequestRow } | { status: 'not_found' | 'forbidden' | 'not_owner' };

export async function heldSubjectCase(tx: Tx, caller: Caller, requestId: string): Promise<CaseGate> {
  const [row] = await tx.select().from(requests).where(eq(requests.id, requestId)).for('update');
  if (!row || row.status === 'erased') return { status: 'not_found' };
  if (row.kind !== 'dpo' || !caller.user.roles.includes('dpo')) return { status: 'forbidden' };
  if (row.status !== 'claimed' || !holdsLease(caller, row)) return { status: 'not_owner' };
  return { status: 'ok', row };
}
