// DESIGN.md: a callback nobody closed is closed as `expired` 14 days after its preferred date
// (Berlin calendar days; the desk's sweep applies the same rule, retention/plan.ts). Done here,
// at the origin, every workstation agrees, and the personal data goes with it.
import { and, eq, inArray, lte } from 'drizzle-orm';
import { CALLBACK_EXPIRY_DAYS } from '../../shared/domain';
import { type Tx } from '../db/database';
import { requests } from '../db/schema';
import { appendFeed } from '../feed/append';
import { AUDIENCE } from '../feed/audience';
import { berlinDay, dayToIsoDate } from '../time';
import { PERSONAL_DATA_GONE } from './request-rows';

/** Closes up to `batch` unclaimed callbacks whose preferred date lies `expiryDays` Berlin days back. */
export async function expireUnclaimedCallbacks(tx: Tx, now: Date, batch: number, expiryDays = CALLBACK_EXPIRY_DAYS): Promise<number> {
  const lastExpiredDate = dayToIsoDate(berlinDay(now.getTime()) - expiryDays);
  const stale = await tx
    .select({ id: requests.id })
    .from(requests)
    .where(and(eq(requests.kind, 'callback'), eq(requests.status, 'open'), lte(requests.preferredDate, lastExpiredDate)))
    .orderBy(requests.preferredDate)
    .limit(batch)
    .for('update', { skipLocked: true });
  if (stale.length === 0) return 0;
  await tx
    .update(requests)
    .set({ status: 'closed', outcome: 'expired', closedAt: now, ...PERSONAL_DATA_GONE })
    .where(inArray(requests.id, stale.map((r) => r.id)));
  await appendFeed(
    tx,
    stale.map((r) => ({ type: 'request.closed' as const, at: now, audience: AUDIENCE.callback, data: { requestId: r.id, outcome: 'expired', retainedUntil: null } })),
  );
  return stale.length;
}
