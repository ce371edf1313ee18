// Reading a retained case again (issue 16, item 3). The backend is its custodian until `until`;
// a person whose roles may work the kind gets the payload read-only after stating why. Every
// attempt is recorded in `retained_views` (the reason may name people: it stays here, never in
// the feed), in the same transaction as the answer, so nothing is shown unrecorded.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type RetainedViewResponse } from '../../shared/retained';
import { type Outcome, type RetentionReason } from '../../shared/domain';
import { type BackendDb } from '../db/database';
import { retainedViews, requests } from '../db/schema';
import { mayWork, type Caller } from './caller';
import { claimedRequestOf } from './request-rows';

export type RetainedViewOutcome = { status: 'shown'; view: RetainedViewResponse } | { status: 'forbidden' | 'not_retained' | 'not_found' };

export async function viewRetained(db: BackendDb, caller: Caller, requestId: string, reason: string, now: Date): Promise<RetainedViewOutcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(requests).where(eq(requests.id, requestId));
    if (!row) return { status: 'not_found' };
    const kept = row.status === 'closed' && row.retainedUntil !== null && row.retentionReason !== null && row.name !== null;
    const outcome = !mayWork(caller, row.kind) ? 'forbidden' : kept ? 'shown' : 'not_retained';
    await tx.insert(retainedViews).values({
      id: randomUUID(),
      requestId,
      at: now,
      userId: caller.user.id,
      userName: caller.user.displayName,
      workstation: caller.workstation,
      reason,
      outcome,
    });
    if (outcome !== 'shown') return { status: outcome };
    return {
      status: 'shown',
      view: {
        request: claimedRequestOf(row),
        retention: {
          reason: row.retentionReason as RetentionReason,
          until: row.retainedUntil!,
          note: row.retentionNote,
          requestedUntil: row.retentionRequestedUntil,
        },
        outcome: (row.outcome ?? null) as Outcome | null,
        closedAt: (row.closedAt ?? now).toISOString(),
        viewedAt: now.toISOString(),
      },
    };
  });
}
