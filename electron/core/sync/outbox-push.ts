// Sends the outbox in order, each event with its id as idempotency key. A claim's answer is
// the only way personal data reaches this workstation; conflicts reconcile the local copy.
import { and, asc, eq, gt } from 'drizzle-orm';
import { kindsWorkableBy } from '../../../shared/domain';
import { ClaimResponse, type ClaimedRequest } from '../../../shared/sync-api';
import type { DeskDb } from '../db/open';
import { outbox, personalData, requests } from '../db/schema';
import { isTombstoned, purgePersonalData } from '../retention/purge';
import { apiErrorCode, BackendUnreachableError, type BackendClient } from './backend-client';
import type { FeedContext } from './feed-apply';
import { RESTRICTED_CLAIM } from '../officer/subject-rights-feed';
import type { RetryPolicy } from './retry-policy';
import { SessionExpiredError } from './sync-errors';

export interface PushReport {
  pushed: number;
  rejected: number;
  /** German messages for rejected events, for the UI. */
  problems: string[];
}

type OutboxRow = typeof outbox.$inferSelect;

export async function pushOutbox(ctx: FeedContext, client: BackendClient, options: { only?: number; retry?: RetryPolicy } = {}): Promise<PushReport> {
  const report: PushReport = { pushed: 0, rejected: 0, problems: [] };
  let after = 0;
  for (;;) {
    const row = ctx.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), gt(outbox.seq, after)))
      .orderBy(asc(outbox.seq))
      .limit(1)
      .get();
    if (!row || (options.only !== undefined && row.seq > options.only)) return report;
    after = row.seq;
    const problem = await pushOne(ctx, client, row, options.retry);
    if (problem === null) report.pushed++;
    else {
      report.rejected++;
      report.problems.push(problem);
    }
  }
}

/** Returns null when accepted, a German message when rejected; throws when the backend is away. */
async function pushOne(ctx: FeedContext, client: BackendClient, row: OutboxRow, retry?: RetryPolicy): Promise<string | null> {
  const path = `/requests/${encodeURIComponent(row.requestId)}`;
  let answer;
  try {
    answer =
      row.type === 'claim'
        ? await client.call('POST', `${path}/claim`, { eventId: row.eventId }, retry)
        : await client.call('POST', `${path}/events`, { eventId: row.eventId, type: row.type, at: row.at, data: row.data }, retry);
  } catch (error) {
    if (error instanceof BackendUnreachableError) markTried(ctx.db, row, error.message);
    throw error;
  }
  if (answer.status === 401) throw new SessionExpiredError();
  if (answer.status === 200 && row.type === 'claim' && !claimFits(ctx, row, answer.body)) {
    // A backend that answers with another request, or a kind these roles may not work, must not
    // get its personal data stored here (issue 6: the client enforces roles too).
    const message = 'Das Backend hat die Übernahme mit einem anderen Vorgang beantwortet; nichts gespeichert.';
    ctx.db.transaction(() => {
      ctx.db.update(outbox).set({ status: 'rejected', tries: row.tries + 1, lastError: message }).where(eq(outbox.seq, row.seq)).run();
      reconcileRejected(ctx, row, 'forbidden');
    });
    return message;
  }
  if (answer.status === 200) {
    ctx.db.transaction(() => {
      if (row.type === 'claim') {
        const claim = ClaimResponse.safeParse(answer.body);
        if (claim.success) storeClaim(ctx, claim.data.request, claim.data.leaseUntil);
      }
      ctx.db.update(outbox).set({ status: 'sent', tries: row.tries + 1, lastError: null, ...settledData(row) }).where(eq(outbox.seq, row.seq)).run();
    });
    return null;
  }
  // Issue 17 part 5: a restricted request (Art. 18) is refused with 409 and reason `restricted`.
  const code = (answer.body as { reason?: unknown } | null)?.reason === 'restricted' ? 'restricted' : apiErrorCode(answer.body);
  const message = rejectionMessage(row, answer.status, code);
  ctx.db.transaction(() => {
    ctx.db.update(outbox).set({ status: 'rejected', tries: row.tries + 1, lastError: message, ...settledData(row) }).where(eq(outbox.seq, row.seq)).run();
    reconcileRejected(ctx, row, code);
  });
  return message;
}

/**
 * A retained close carries its note (issue 16) only until the backend answered: the note may name
 * people, and the backend keeps the case, not this workstation. What stays says reason and until.
 */
function settledData(row: OutboxRow): { data?: OutboxRow['data'] } {
  const data = row.data as { retention?: { note?: string } | null } | null;
  if (row.type !== 'close' || !data?.retention || data.retention.note === undefined) return {};
  const { note: _sent, ...retention } = data.retention;
  return { data: { ...data, retention } as OutboxRow['data'] };
}

function markTried(db: DeskDb, row: OutboxRow, message: string): void {
  db.update(outbox).set({ tries: row.tries + 1, lastError: message }).where(eq(outbox.seq, row.seq)).run();
}

/** The claim answer is for the request we asked for, of its kind, and a kind these roles may work. */
function claimFits(ctx: FeedContext, row: OutboxRow, body: unknown): boolean {
  const claim = ClaimResponse.safeParse(body);
  if (!claim.success) return true; // nothing would be stored anyway
  const { id, kind } = claim.data.request;
  const entry = ctx.db.select({ kind: requests.kind }).from(requests).where(eq(requests.id, row.requestId)).get();
  return id === row.requestId && (!entry || entry.kind === kind) && kindsWorkableBy(ctx.roles).includes(kind);
}

function storeClaim(ctx: FeedContext, request: ClaimedRequest, leaseUntil: string): void {
  // An erasure or close may have overtaken the claim: such data must not come back.
  const entry = ctx.db.select({ status: requests.status }).from(requests).where(eq(requests.id, request.id)).get();
  if (!entry || entry.status === 'closed' || isTombstoned(ctx.db, request.id)) return;
  const p = request.payload;
  const values = {
    salutation: p.salutation,
    name: p.name,
    phone: 'phone' in p ? p.phone : null,
    email: 'email' in p ? p.email : null,
    subject: 'subject' in p ? p.subject : null,
    message: 'message' in p ? p.message : null,
    note: 'note' in p ? p.note : null,
    claimedAt: ctx.clock().toISOString(),
  };
  ctx.db.insert(personalData).values({ requestId: request.id, ...values }).onConflictDoUpdate({ target: personalData.requestId, set: values }).run();
  ctx.db
    .update(requests)
    .set({ status: 'claimed', ownerUserId: ctx.userId, ownerName: ctx.displayName, ownerWorkstation: ctx.workstation, leaseUntil, updatedAt: ctx.clock().toISOString() })
    .where(eq(requests.id, request.id))
    .run();
}

/** Someone else owns the request (or it is gone): no local personal data, later events of ours rejected too. */
function reconcileRejected(ctx: FeedContext, row: OutboxRow, code: string | null): void {
  if (code !== 'already_claimed' && code !== 'not_owner' && code !== 'forbidden' && code !== 'not_found' && code !== 'restricted') return;
  purgePersonalData(ctx.db, ctx.clock, row.requestId, 'claimed_elsewhere');
  const entry = ctx.db.select({ status: requests.status }).from(requests).where(eq(requests.id, row.requestId)).get();
  if (entry && entry.status !== 'closed') {
    ctx.db
      .update(requests)
      .set({ status: code === 'already_claimed' || code === 'not_owner' ? 'claimed_elsewhere' : 'open', updatedAt: ctx.clock().toISOString() })
      .where(eq(requests.id, row.requestId))
      .run();
  }
  ctx.db
    .update(outbox)
    .set({ status: 'rejected', lastError: 'Vorgang gehört nicht (mehr) zu diesem Arbeitsplatz.' })
    .where(and(eq(outbox.requestId, row.requestId), eq(outbox.status, 'pending'), gt(outbox.seq, row.seq)))
    .run();
}

function rejectionMessage(row: OutboxRow, status: number, code: string | null): string {
  switch (code) {
    case 'already_claimed':
      return 'Der Vorgang wurde bereits an einem anderen Arbeitsplatz übernommen.';
    case 'not_owner':
      return 'Der Vorgang gehört nicht (mehr) zu diesem Arbeitsplatz; die Aktion wurde nicht übernommen.';
    case 'forbidden':
      return 'Für diesen Vorgang fehlt die Berechtigung.';
    case 'not_found':
      return 'Der Vorgang ist im Backend nicht (mehr) vorhanden.';
    case 'restricted':
      return RESTRICTED_CLAIM;
    case 'invalid_event':
      return `Das Backend hat die Aktion „${row.type}“ abgelehnt (ungültig).`;
    default:
      return `Das Backend hat die Aktion „${row.type}“ abgelehnt (HTTP ${status}${code ? `, ${code}` : ''}).`;
  }
}
