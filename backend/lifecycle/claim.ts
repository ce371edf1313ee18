// Claiming a request: a lease for one user on one workstation, and the personal data with it.
// The requests' rows are locked for the decision (in id order, so two batches never wait on each
// other in a circle), so among any number of workstations claiming through any number of
// backend processes exactly one wins.
//
// Claims come in batches (db/group-batch.ts): the rows, restrictions and earlier claim keys of
// all of them are read in two statements, each claim is decided in turn against what the claims
// before it in the batch changed, and the changes are written in one statement and one feed
// append. A batch of one is a claim on an idle backend.
import { inArray, sql } from 'drizzle-orm';
import { type Actor, type ClaimResponse } from '../../shared/sync-api';
import { type BackendDb, type Tx } from '../db/database';
import { claimKeys, requests } from '../db/schema';
import { appendFeed, type NewFeedEvent } from '../feed/append';
import { requestAudience } from '../feed/audience';
import { actorOf, holdsLease, mayWork, type Caller } from './caller';
import { claimedRequestOf } from './request-rows';
import { wireInstant } from '../time';

export type ClaimOutcome =
  | { status: 'claimed'; response: ClaimResponse }
  | { status: 'not_found' }
  | { status: 'forbidden' }
  | { status: 'gone'; detail: string }
  | { status: 'already_claimed'; by: Actor }
  | { status: 'key_reused' }
  | { status: 'restricted' };

export interface ClaimCall {
  requestId: string;
  caller: Caller;
  eventId: string;
  now: Date;
  leaseMs: number;
}

type RequestRow = typeof requests.$inferSelect;
type ClaimKeyRow = typeof claimKeys.$inferSelect;

/** What a batch writes: each request's lease as the last claim on it left it, and the rest in order. */
interface Changes {
  leases: Map<string, { userId: string; displayName: string; workstation: string; until: Date }>;
  holdings: Map<string, { workstation: string; requestId: string; since: Date }>;
  keys: Map<string, ClaimKeyRow>;
  feed: NewFeedEvent[];
}

export async function claimRequest(db: BackendDb, requestId: string, caller: Caller, eventId: string, now: Date, leaseMs: number): Promise<ClaimOutcome> {
  const [outcome] = await claimRequests(db, [{ requestId, caller, eventId, now, leaseMs }]);
  return outcome!;
}

export async function claimRequests(db: BackendDb, calls: readonly ClaimCall[]): Promise<ClaimOutcome[]> {
  return db.transaction(async (tx) => {
    const ids = [...new Set(calls.map((c) => c.requestId))];
    const rows = new Map((await lockedRows(tx, ids)).map((r) => [r.row.id, r]));
    const keys = new Map((await tx.select().from(claimKeys).where(inArray(claimKeys.eventId, [...new Set(calls.map((c) => c.eventId))]))).map((k) => [k.eventId, k]));
    const changes: Changes = { leases: new Map(), holdings: new Map(), keys: new Map(), feed: [] };
    const outcomes = calls.map((call) => decide(call, rows.get(call.requestId), keys, changes));
    await write(tx, changes);
    return outcomes;
  });
}

/** The rows, locked, with whether each is restricted now (Art. 18, issue 17 part 5). */
async function lockedRows(tx: Tx, ids: string[]): Promise<{ row: RequestRow; restricted: boolean }[]> {
  if (ids.length === 0) return [];
  const found = await tx
    .select({
      row: requests,
      // Spelled out: drizzle leaves column names unqualified here, and "id" would be the restriction's.
      restricted: sql<boolean>`EXISTS (SELECT 1 FROM restrictions r WHERE r.source = 'request' AND r.record_id = requests.id AND r.lifted_at IS NULL)`,
    })
    .from(requests)
    .where(inArray(requests.id, ids))
    .orderBy(requests.id)
    .for('update', { of: requests });
  return found;
}

/** One claim against the rows as the claims before it in the batch left them (`row` is updated in place). */
function decide(call: ClaimCall, locked: { row: RequestRow; restricted: boolean } | undefined, keys: Map<string, ClaimKeyRow>, changes: Changes): ClaimOutcome {
  const { requestId, caller, eventId, now, leaseMs } = call;
  if (!locked) return { status: 'not_found' };
  const { row } = locked;
  if (!mayWork(caller, row.kind)) return { status: 'forbidden' };
  if (row.status === 'erased') return { status: 'gone', detail: 'The request was erased.' };
  if (row.status === 'closed') return { status: 'gone', detail: 'The request is closed.' };
  if (locked.restricted) return { status: 'restricted' };

  const earlier = keys.get(eventId);
  if (earlier) {
    const sameCall = earlier.requestId === requestId && earlier.userId === caller.user.id && earlier.workstation === caller.workstation;
    if (!sameCall) return { status: 'key_reused' };
    // A retry of a claim that went through: the same answer, no new lease, no new feed event.
    if (row.status === 'claimed' && holdsLease(caller, row) && row.leaseUntil) {
      return { status: 'claimed', response: { request: claimedRequestOf(row), leaseUntil: wireInstant(row.leaseUntil) } };
    }
    // Released or taken over since: handled as the fresh claim it now is.
  }

  const leased = row.status === 'claimed' && row.leaseUntil !== null && row.leaseUntil > now;
  if (leased && !holdsLease(caller, row)) {
    return { status: 'already_claimed', by: { userId: row.leaseUserId ?? '', displayName: row.leaseDisplayName ?? '' } };
  }

  // Free, expired, or the caller's own lease (renewed).
  const until = new Date(now.getTime() + leaseMs);
  const by = actorOf(caller);
  Object.assign(row, { status: 'claimed', leaseUserId: by.userId, leaseDisplayName: by.displayName, leaseWorkstation: caller.workstation, leaseUntil: until });
  changes.leases.set(requestId, { userId: by.userId, displayName: by.displayName, workstation: caller.workstation, until });
  // From now on this workstation holds the personal data: its receipts for the request count.
  const holding = `${caller.workstation}/${requestId}`;
  if (!changes.holdings.has(holding)) changes.holdings.set(holding, { workstation: caller.workstation, requestId, since: now });
  const key = { eventId, requestId, userId: caller.user.id, workstation: caller.workstation, leaseUntil: until, createdAt: earlier?.createdAt ?? now };
  keys.set(eventId, key);
  changes.keys.set(eventId, key);
  changes.feed.push({ type: 'request.claimed', at: now, audience: requestAudience(row.kind), data: { requestId, by, workstation: caller.workstation, leaseUntil: wireInstant(until) } });
  return { status: 'claimed', response: { request: claimedRequestOf(row), leaseUntil: wireInstant(until) } };
}

/** The batch's leases, holdings and claim keys in one statement, then its feed events. */
async function write(tx: Tx, changes: Changes): Promise<void> {
  if (changes.leases.size === 0) return;
  const leases = JSON.stringify([...changes.leases].map(([id, l]) => ({ id, user_id: l.userId, display_name: l.displayName, workstation: l.workstation, lease_until: l.until.toISOString() })));
  const held = JSON.stringify([...changes.holdings.values()].map((h) => ({ workstation: h.workstation, request_id: h.requestId, since: h.since.toISOString() })));
  const keyRows = JSON.stringify(
    [...changes.keys.values()].map((k) => ({ event_id: k.eventId, request_id: k.requestId, user_id: k.userId, workstation: k.workstation, lease_until: k.leaseUntil.toISOString(), created_at: k.createdAt.toISOString() })),
  );
  await tx.execute(sql`
    WITH leased AS (
      UPDATE requests SET status = 'claimed', lease_user_id = l.user_id, lease_display_name = l.display_name, lease_workstation = l.workstation, lease_until = l.lease_until
      FROM json_to_recordset(${leases}::json) AS l(id uuid, user_id text, display_name text, workstation uuid, lease_until timestamptz)
      WHERE requests.id = l.id
      RETURNING 1),
    held AS (
      INSERT INTO holdings (workstation, request_id, since)
      SELECT workstation, request_id, since FROM json_populate_recordset(NULL::holdings, ${held}::json)
      ON CONFLICT DO NOTHING
      RETURNING 1)
    INSERT INTO claim_keys (event_id, request_id, user_id, workstation, lease_until, created_at)
    SELECT event_id, request_id, user_id, workstation, lease_until, created_at FROM json_populate_recordset(NULL::claim_keys, ${keyRows}::json)
    ON CONFLICT (event_id) DO UPDATE SET lease_until = excluded.lease_until`);
  await appendFeed(tx, changes.feed);
}
