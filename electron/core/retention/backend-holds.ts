// Applies the backend's legal holds (feed `hold.updated`, issue 14) to this workstation's hold
// table, so the local purge spares exactly what the backend spares. A hold that was rejected or
// has ended keeps its row as a record, without the customer number.
import { sql } from 'drizzle-orm';
import type { BackendHold } from '../../../shared/holds';
import type { DeskDb } from '../db/open';
import { smsHolds } from '../db/schema';

export function applyBackendHold(db: DeskDb, hold: BackendHold, at: string): void {
  const confirmed = hold.status === 'confirmed';
  const over = hold.status === 'rejected' || hold.status === 'ended';
  const row = {
    id: hold.id,
    caseRef: hold.caseRef,
    customerNumber: over ? null : hold.customerNumber,
    note: hold.reason,
    until: hold.until,
    setBy: hold.requestedBy.userId,
    setByName: hold.requestedBy.displayName,
    setAt: hold.requestedAt,
    confirmedBy: confirmed || hold.status === 'ended' ? (hold.decidedBy?.userId ?? null) : null,
    confirmedByName: confirmed || hold.status === 'ended' ? (hold.decidedBy?.displayName ?? null) : null,
    confirmedAt: confirmed || hold.status === 'ended' ? hold.decidedAt : null,
    endedAt: over ? (hold.status === 'rejected' ? (hold.decidedAt ?? at) : at) : null,
  };
  db.insert(smsHolds)
    .values(row)
    .onConflictDoUpdate({
      target: smsHolds.id,
      set: {
        customerNumber: sql`excluded.customer_number`,
        note: sql`excluded.note`,
        until: sql`excluded.until`,
        confirmedBy: sql`excluded.confirmed_by`,
        confirmedByName: sql`excluded.confirmed_by_name`,
        confirmedAt: sql`excluded.confirmed_at`,
        endedAt: sql`excluded.ended_at`,
      },
    })
    .run();
}
