// Deletion at the origin (issue 14): what the privacy notice promises happens at the backend
// too, not only on the workstations. SMS and portal records go 90 Berlin days after they
// happened (rows, and their feed events with them), except a customer's under a confirmed hold;
// a case kept for a reason loses its personal data (and its retention note) the day after its `until`.
import { and, eq, isNotNull, lt, sql } from 'drizzle-orm';
import { berlinWallShift } from '../../shared/berlin-wall-shift';
import { PORTAL_RETENTION_DAYS, SMS_RETENTION_DAYS } from '../../shared/domain';
import { rowsOf, type Tx } from '../db/database';
import { requests } from '../db/schema';
import { berlinDay, dayToIsoDate } from '../time';
import { PERSONAL_DATA_GONE } from './request-rows';
import { forgetSubjectFindings } from './subject-find';

/** Customers under a confirmed hold that lasts until today or later. */
const HELD = (today: string) => sql`SELECT customer_number FROM holds WHERE status = 'confirmed' AND until >= ${today}`;

async function purgeLog(tx: Tx, table: 'sms_log' | 'portal_access', column: 'sent_at' | 'at', days: number, now: Date, batch: number): Promise<number> {
  const cutoff = berlinWallShift(now, -days);
  const today = dayToIsoDate(berlinDay(now.getTime()));
  const gone = await rowsOf<{ id: string }>(
    tx,
    sql`DELETE FROM ${sql.raw(table)} WHERE id IN (
          SELECT id FROM ${sql.raw(table)} WHERE ${sql.raw(column)} <= ${cutoff}::timestamptz AND customer_number NOT IN (${HELD(today)})
          ORDER BY ${sql.raw(column)} LIMIT ${batch} FOR UPDATE SKIP LOCKED)
        RETURNING id`,
  );
  return gone.length;
}

/**
 * `days`: the SMS log's period in force (issue 16: a supervisor may tighten it below 90; the
 * portal log follows the same rule, as on the workstations).
 */
export const purgeOldSms = (tx: Tx, now: Date, batch: number, days = SMS_RETENTION_DAYS) => purgeLog(tx, 'sms_log', 'sent_at', days, now, batch);
export const purgeOldPortalAccess = (tx: Tx, now: Date, batch: number, days = PORTAL_RETENTION_DAYS) => purgeLog(tx, 'portal_access', 'at', days, now, batch);

/** Retained cases whose `until` has passed: their personal data goes, the tombstone stays. */
export async function endRetentions(tx: Tx, now: Date, batch: number): Promise<number> {
  const today = dayToIsoDate(berlinDay(now.getTime()));
  const ended = await tx
    .select({ id: requests.id })
    .from(requests)
    .where(and(eq(requests.status, 'closed'), isNotNull(requests.retainedUntil), lt(requests.retainedUntil, today), isNotNull(requests.name)))
    .limit(batch)
    .for('update', { skipLocked: true });
  // The note goes with the data; a long retention nobody confirmed ends here, undecided.
  for (const { id } of ended) await tx.update(requests).set({ ...PERSONAL_DATA_GONE, retentionRequestedUntil: null }).where(eq(requests.id, id));
  await forgetSubjectFindings(
    tx,
    ended.map((e) => e.id),
  );
  return ended.length;
}
