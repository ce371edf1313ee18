// Who still owes a receipt for a Löschung (issue 17): every workstation that held an erased
// request (`holdings`) until its receipt for that request is in, and every workstation that read
// the erased SMS or portal records until its `erasure:<id>:<log>` receipt is in. A retired
// workstation owes nothing more (its data is beyond reach); it is listed as retired, not as purged.
import { and, eq, inArray } from 'drizzle-orm';
import { type ErasureReceiptState, type SubjectErasure } from '../../shared/subject-erasure';
import { type Tx } from '../db/database';
import { holdings, receipts, subjectErasures, workstations } from '../db/schema';
import { wireInstant } from '../time';

type ErasureRow = typeof subjectErasures.$inferSelect;

export const erasureReceiptSubject = (erasureId: string, log: string) => `erasure:${erasureId}:${log}`;

export async function erasureView(tx: Tx, row: ErasureRow): Promise<SubjectErasure> {
  const erasedRequests = row.erased.filter((i) => i.source === 'request').map((i) => i.id);
  const owed = new Map<string, Set<string>>();
  const owe = (workstation: string, subject: string) => owed.set(workstation, (owed.get(workstation) ?? new Set()).add(subject));
  if (erasedRequests.length > 0) {
    for (const h of await tx.select().from(holdings).where(inArray(holdings.requestId, erasedRequests))) owe(h.workstation, `request:${h.requestId}`);
  }
  for (const o of row.logOwers) owe(o.workstation, erasureReceiptSubject(row.id, o.log));

  const names = [...owed.keys()];
  const subjects = [...new Set([...owed.values()].flatMap((s) => [...s]))];
  const got = names.length
    ? await tx
        .select({ workstation: receipts.workstation, subject: receipts.subject, rule: receipts.rule, purgedAt: receipts.purgedAt })
        .from(receipts)
        .where(and(inArray(receipts.workstation, names), inArray(receipts.subject, subjects)))
    : [];
  const retired = new Map(names.length ? (await tx.select({ id: workstations.id, at: workstations.retiredAt }).from(workstations).where(inArray(workstations.id, names))).map((w) => [w.id, w.at]) : []);

  const states: ErasureReceiptState[] = names.sort().map((workstation) => {
    const mine = owed.get(workstation)!;
    // Only a receipt of an actual purge counts as received; `workstation_retired` is a retirement.
    const proofs = got.filter((g) => g.workstation === workstation && mine.has(g.subject) && g.rule !== 'workstation_retired');
    const received = new Set(proofs.map((p) => p.subject)).size;
    const retiredAt = retired.get(workstation) ?? null;
    const last = proofs.map((p) => p.purgedAt).sort().at(-1) ?? null;
    if (received === mine.size) return { workstation, status: 'received', at: last, owed: mine.size, received };
    if (retiredAt) return { workstation, status: 'retired', at: wireInstant(retiredAt), owed: mine.size, received };
    return { workstation, status: 'awaiting', at: last, owed: mine.size, received };
  });
  const counts = { request: 0, sms: 0, portal: 0 };
  for (const item of row.erased) counts[item.source as keyof typeof counts]++;
  return {
    erasureId: row.id,
    requestId: row.requestId,
    at: wireInstant(row.at),
    by: { userId: row.userId, displayName: row.userName },
    counts,
    erased: row.erased as SubjectErasure['erased'],
    kept: row.kept as SubjectErasure['kept'],
    workstations: states,
    awaiting: states.filter((s) => s.status === 'awaiting').length,
  };
}

/** How many workstations the case's Löschung still waits for (0 without a Löschung): the close gate. */
export async function erasureAwaiting(tx: Tx, requestId: string): Promise<number> {
  const [row] = await tx.select().from(subjectErasures).where(eq(subjectErasures.requestId, requestId));
  return row ? (await erasureView(tx, row)).awaiting : 0;
}
