// POST /api/v1/requests/{id}/events
import { RequestEvent } from '../../shared/sync-api';
import { failure, ok, type Reply } from '../http/reply';
import { type CallContext } from '../http/router';
import { applyRequestEvent } from '../lifecycle/request-events';
import { authenticate } from './auth';
import { type ApiDeps } from './deps';
import { describeIssues } from './validation';

export async function postRequestEvent(deps: ApiDeps, ctx: CallContext): Promise<Reply> {
  const auth = await authenticate(deps.db, ctx.headers, ctx.now);
  if (!auth.ok) return auth.reply;
  const parsed = RequestEvent.safeParse(ctx.body);
  if (!parsed.success) return failure(422, 'invalid_event', describeIssues(parsed.error));
  const requestId = (ctx.params[0] ?? '').toLowerCase();
  const outcome = await applyRequestEvent(deps.db, requestId, auth.caller, parsed.data, ctx.now);
  switch (outcome.status) {
    case 'accepted':
    case 'duplicate':
      return ok({ status: outcome.status });
    case 'not_found':
      return failure(404, 'not_found', 'No such request.');
    case 'forbidden':
      return failure(403, 'forbidden', 'Your roles do not cover this kind of request.');
    case 'gone':
      return failure(404, 'not_found', outcome.detail);
    case 'not_owner':
      return failure(409, 'not_owner', 'Only the workstation that holds the claim may send events.');
    case 'invalid':
      return failure(422, 'invalid_event', outcome.detail);
  }
}
