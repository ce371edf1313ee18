// POST /api/v1/requests/{id}/claim
import { ClaimRequest } from '../../shared/sync-api';
import { failure, ok, type Reply } from '../http/reply';
import { type CallContext } from '../http/router';
import { type BackendDb } from '../db/database';
import { GroupBatch } from '../db/group-batch';
import { claimRequests, type ClaimCall, type ClaimOutcome } from '../lifecycle/claim';
import { authenticate } from './auth';
import { type ApiDeps } from './deps';
import { describeIssues } from './validation';

/** One claim batch per database: the claims that arrive while a batch is at the database go in the next. */
const batches = new WeakMap<BackendDb, GroupBatch<ClaimCall, ClaimOutcome>>();

function claimBatch(db: BackendDb): GroupBatch<ClaimCall, ClaimOutcome> {
  let batch = batches.get(db);
  if (!batch) batches.set(db, (batch = new GroupBatch((calls) => claimRequests(db, calls))));
  return batch;
}

export async function postClaim(deps: ApiDeps, ctx: CallContext): Promise<Reply> {
  const auth = await authenticate(deps.db, ctx.headers, ctx.now);
  if (!auth.ok) return auth.reply;
  const parsed = ClaimRequest.safeParse(ctx.body);
  if (!parsed.success) return failure(400, 'invalid_request', describeIssues(parsed.error));
  const requestId = (ctx.params[0] ?? '').toLowerCase();
  const outcome = await claimBatch(deps.db).submit({ requestId, caller: auth.caller, eventId: parsed.data.eventId, now: ctx.now, leaseMs: deps.leaseMs });
  switch (outcome.status) {
    case 'claimed':
      return ok(outcome.response);
    case 'not_found':
      return failure(404, 'not_found', 'No such request.');
    case 'forbidden':
      return failure(403, 'forbidden', 'Your roles do not cover this kind of request.');
    case 'gone':
      return failure(404, 'not_found', outcome.detail);
    case 'already_claimed':
      return failure(409, 'already_claimed', 'Someone else is working on this request.', { claimedBy: outcome.by });
    case 'restricted':
      return failure(409, 'invalid_request', 'The request is restricted (Art. 18 GDPR): stored, not processed, until the restriction is lifted.', { reason: 'restricted' });
    case 'key_reused':
      return failure(400, 'invalid_request', 'eventId was already used for another claim.');
  }
}
