// POST /api/v1/requests/{id}/claim
import { ClaimRequest } from '../../shared/sync-api';
import { failure, ok, type Reply } from '../http/reply';
import { type CallContext } from '../http/router';
import { claimRequest } from '../lifecycle/claim';
import { authenticate } from './auth';
import { type ApiDeps } from './deps';
import { describeIssues } from './validation';

export function claim(deps: ApiDeps, ctx: CallContext): Reply {
  const { state } = deps;
  const auth = authenticate(state, ctx.headers, ctx.nowMs);
  if (!auth.ok) return auth.reply;
  const parsed = ClaimRequest.safeParse(ctx.body);
  if (!parsed.success) return failure(400, 'invalid_request', describeIssues(parsed.error));
  const index = state.requests.indexOf((ctx.params[0] ?? '').toLowerCase());
  if (index === undefined) return failure(404, 'not_found', 'No such request.');

  const outcome = claimRequest(state, index, auth.caller, parsed.data.eventId, ctx.nowMs);
  switch (outcome.status) {
    case 'claimed':
      return ok(outcome.response);
    case 'forbidden':
      return failure(403, 'forbidden', `Your roles do not cover requests of kind ${state.requests.kind(index)}.`);
    case 'gone':
      return failure(404, 'not_found', outcome.detail);
    case 'already_claimed':
      return failure(409, 'already_claimed', `Claimed by ${outcome.by.displayName}.`, { claimedBy: outcome.by });
    case 'key_reused':
      return failure(400, 'invalid_request', 'eventId was already used for a different claim.');
  }
}
