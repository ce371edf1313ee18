// What the owner of a request reports: attempts, forwarding, release, close. Each accepted
// event goes into the feed so the team sees it. The request's row is locked first, so a
// retried event finds the key its first try stored, and two owners never race.
import { eq } from 'drizzle-orm';
import { type RequestEvent } from '../../shared/sync-api';
import { type BackendDb } from '../db/database';
import { requestEventKeys, requests } from '../db/schema';
import { appendFeed } from '../feed/append';
import { requestAudience } from '../feed/audience';
import { actorOf, holdsLease, mayWork, type Caller } from './caller';
import { acceptedEventTime } from './event-time';
import { PERSONAL_DATA_GONE } from './request-rows';
import { forgetSubjectFindings } from './subject-find';
import { erasureAwaiting } from './subject-erasure-receipts';
import { retentionProblem } from './retention';
import { retentionYearsInForce } from './rules';
import { retentionColumns } from './retention-confirmation';
import { slotProblems } from '../../shared/callback-slot';
import { berlinDay, dayToIsoDate } from '../time';

export type EventOutcome =
  | { status: 'accepted' }
  | { status: 'duplicate' }
  | { status: 'not_found' }
  | { status: 'forbidden' }
  | { status: 'gone'; detail: string }
  | { status: 'not_owner' }
  | { status: 'invalid'; detail: string };

const NOT_FOUND = { status: 'not_found' } as const;

export async function applyRequestEvent(db: BackendDb, requestId: string, caller: Caller, event: RequestEvent, now: Date): Promise<EventOutcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(requests).where(eq(requests.id, requestId)).for('update');
    if (!row) return NOT_FOUND;
    if (!mayWork(caller, row.kind)) return { status: 'forbidden' };

    // Idempotency before state: a retry after a lost answer must not fail because the first try released or closed.
    const [seen] = await tx.select({ requestId: requestEventKeys.requestId }).from(requestEventKeys).where(eq(requestEventKeys.eventId, event.eventId));
    if (seen) return seen.requestId === requestId ? { status: 'duplicate' } : { status: 'invalid', detail: 'eventId was already used for another request.' };

    if (row.status === 'erased') return { status: 'gone', detail: 'The request was erased.' };
    if (row.status === 'closed') return { status: 'invalid', detail: 'The request is already closed.' };
    if (row.status !== 'claimed') return { status: 'invalid', detail: 'The request is not claimed; claim it first.' };
    if (!holdsLease(caller, row)) return { status: 'not_owner' };
    const time = acceptedEventTime(event.at, now, row.receivedAt);
    if (!time.ok) return { status: 'invalid', detail: time.detail };
    const at = time.at;

    const audience = requestAudience(row.kind);
    switch (event.type) {
      case 'attempt': {
        if (row.kind !== 'callback') return { status: 'invalid', detail: `Only callbacks have call attempts, this is a ${row.kind} request.` };
        const attemptNo = row.attempts + 1;
        const data = event.data;
        if (data.disposition === 'rescheduled') {
          // The new slot obeys the intake form's rules (SYNC_API 1.1), checked with the server's clock.
          const problems = slotProblems(data.preferredDate, data.preferredWindow, dayToIsoDate(berlinDay(now.getTime())));
          if (Object.keys(problems).length > 0) return { status: 'invalid', detail: Object.entries(problems).map(([field, text]) => `${field}: ${text}`).join(' ') };
          await tx
            .update(requests)
            .set({ attempts: attemptNo, preferredDate: data.preferredDate, windowFrom: data.preferredWindow.from, windowTo: data.preferredWindow.to })
            .where(eq(requests.id, requestId));
        } else {
          await tx.update(requests).set({ attempts: attemptNo }).where(eq(requests.id, requestId));
        }
        const rescheduledTo = data.disposition === 'rescheduled' ? { rescheduledTo: { preferredDate: data.preferredDate, preferredWindow: data.preferredWindow } } : {};
        await appendFeed(tx, [{ type: 'request.attempted', at, audience, data: { requestId, attemptNo, disposition: data.disposition, by: actorOf(caller), ...rescheduledTo } }]);
        break;
      }
      case 'forward':
        if (row.kind === 'callback') return { status: 'invalid', detail: 'A callback is called back, not forwarded.' };
        await appendFeed(tx, [{ type: 'request.forwarded', at, audience, data: { requestId, department: event.data.department } }]);
        break;
      case 'release':
        await tx
          .update(requests)
          .set({ status: 'open', leaseUserId: null, leaseDisplayName: null, leaseWorkstation: null, leaseUntil: null })
          .where(eq(requests.id, requestId));
        await appendFeed(tx, [{ type: 'request.released', at, audience, data: { requestId } }]);
        break;
      case 'close': {
        // Issue 17: a Löschung's case stays open until every workstation that held a copy proved its purge (or was retired).
        const awaiting = await erasureAwaiting(tx, requestId);
        if (awaiting > 0) return { status: 'invalid', detail: `The erasure of this data-subject request still awaits receipts from ${awaiting} workstation(s); the case closes once every receipt is in or the workstation is retired.` };
        const problem = retentionProblem(row.kind, event.data.retention, now.getTime(), event.data.retention ? await retentionYearsInForce(tx) : undefined);
        if (problem) return { status: 'invalid', detail: problem };
        if (event.data.outcome === 'access_deleted' && row.topic !== 'online_access') {
          return { status: 'invalid', detail: 'access_deleted closes only a request to delete the online access (topic online_access).' };
        }
        const retention = event.data.retention;
        // The backend keeps a retained case (with its note) as custodian; beyond a year only once a supervisor confirms.
        const kept = retentionColumns(retention, at, caller);
        await tx
          .update(requests)
          .set({
            status: 'closed',
            leaseUserId: null,
            leaseDisplayName: null,
            leaseWorkstation: null,
            leaseUntil: null,
            outcome: event.data.outcome,
            closedAt: at,
            ...kept,
            // Without a retention the case has ended: the personal data goes at the origin too.
            ...(retention ? {} : PERSONAL_DATA_GONE),
          })
          .where(eq(requests.id, requestId));
        if (!retention) await forgetSubjectFindings(tx, [requestId]);
        await appendFeed(tx, [
          { type: 'request.closed', at, audience, data: { requestId, outcome: event.data.outcome, retainedUntil: kept.retainedUntil, retentionReason: kept.retentionReason } },
        ]);
        break;
      }
    }
    await tx.insert(requestEventKeys).values({ eventId: event.eventId, requestId, createdAt: now });
    return { status: 'accepted' };
  });
}
