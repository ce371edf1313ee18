// A retention longer than one year needs a supervisor (issue 16, DESIGN.md "One service center"):
// the close is accepted, but the request counts as kept for one year (`retained_until`) while the
// date asked for waits in `retention_requested_until`. A supervisor other than the closing person
// confirms it or shortens it; without a decision the data goes after the one year, like any
// retention that ends. Every workstation hears the decision as a repeated `request.closed` with
// the new `retainedUntil` (clients already apply that event idempotently).
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { type RequestKind, type RetentionReason } from '../../shared/domain';
import { type Retention } from '../../shared/sync-api';
import { type BackendDb } from '../db/database';
import { requests } from '../db/schema';
import { appendFeed } from '../feed/append';
import { requestAudience } from '../feed/audience';
import { type Caller } from './caller';
import { berlinDay, DAY_MS, dayToIsoDate, isoDateToDay } from '../time';

/** Beyond this a supervisor decides. */
export const UNCONFIRMED_RETENTION_YEARS = 1;

/** The same calendar day `years` later (29 February becomes 1 March), as the desks count. */
export function yearsAfter(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return dayToIsoDate(Math.round(Date.UTC(y + years, m - 1, d) / DAY_MS));
}

/** The retention columns a close stores: a long one is held at one year until confirmed. */
export function retentionColumns(retention: Retention | null, closedAt: Date, caller: Caller) {
  if (!retention) return { retentionReason: null, retainedUntil: null, retentionNote: null, retentionRequestedUntil: null, retentionRequestedBy: null };
  const oneYear = yearsAfter(dayToIsoDate(berlinDay(closedAt.getTime())), UNCONFIRMED_RETENTION_YEARS);
  const waits = retention.until > oneYear;
  return {
    retentionReason: retention.reason,
    retainedUntil: waits ? oneYear : retention.until,
    retentionNote: retention.note ?? null,
    retentionRequestedUntil: waits ? retention.until : null,
    retentionRequestedBy: waits ? caller.user.id : null,
  };
}

export interface PendingRetention {
  requestId: string;
  kind: RequestKind;
  reference: string;
  reason: RetentionReason;
  closedAt: string;
  /** Kept until this day while nobody decided. */
  countsUntil: string;
  requestedUntil: string;
  requestedBy: string;
}

export async function pendingRetentions(db: BackendDb): Promise<PendingRetention[]> {
  const rows = await db
    .select()
    .from(requests)
    .where(and(eq(requests.status, 'closed'), isNotNull(requests.retentionRequestedUntil), isNotNull(requests.retainedUntil)))
    .orderBy(asc(requests.closedAt));
  return rows.map((r) => ({
    requestId: r.id,
    kind: r.kind as RequestKind,
    reference: r.reference,
    reason: r.retentionReason as RetentionReason,
    closedAt: (r.closedAt ?? new Date(0)).toISOString(),
    countsUntil: r.retainedUntil!,
    requestedUntil: r.retentionRequestedUntil!,
    requestedBy: r.retentionRequestedBy ?? '',
  }));
}

export type ConfirmationOutcome =
  | { status: 'ok'; retainedUntil: string }
  | { status: 'forbidden' | 'own_close' | 'not_found' | 'nothing_pending' }
  | { status: 'invalid'; detail: string };

/** A supervisor sets the end: the date asked for (confirm) or an earlier one, not before today. */
export async function decideRetention(db: BackendDb, caller: Caller, requestId: string, until: string, now: Date): Promise<ConfirmationOutcome> {
  if (!caller.user.roles.includes('supervisor')) return { status: 'forbidden' };
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(requests).where(eq(requests.id, requestId)).for('update');
    if (!row) return { status: 'not_found' };
    if (row.status !== 'closed' || !row.retentionRequestedUntil || !row.retainedUntil) return { status: 'nothing_pending' };
    if (row.retentionRequestedBy === caller.user.id) return { status: 'own_close' };
    const today = dayToIsoDate(berlinDay(now.getTime()));
    if (until > row.retentionRequestedUntil) return { status: 'invalid', detail: `until may not lie after the date asked for (${row.retentionRequestedUntil}).` };
    if (isoDateToDay(until) < isoDateToDay(today)) return { status: 'invalid', detail: `until ${until} lies in the past.` };
    await tx
      .update(requests)
      .set({ retainedUntil: until, retentionRequestedUntil: null, retentionConfirmedBy: caller.user.id, retentionConfirmedAt: now })
      .where(eq(requests.id, requestId));
    await appendFeed(tx, [
      {
        type: 'request.closed',
        at: now,
        audience: requestAudience(row.kind),
        data: { requestId, outcome: row.outcome, retainedUntil: until, retentionReason: row.retentionReason },
      },
    ]);
    return { status: 'ok', retainedUntil: until };
  });
}
