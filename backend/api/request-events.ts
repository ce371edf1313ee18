// POST /api/v1/requests/{id}/events
import { RequestEvent, type RequestEventResponse } from '../../shared/sync-api';
import { failure, ok, type Reply } from '../http/reply';
import { type CallContext } from '../http/router';
import { applyRequestEvent } from '../lifecycle/request-events';
import { authenticate } from './auth';
import { type ApiDeps } from './deps';
import { describeIssues } from './validation';
import { type z } from 'zod';

export function postRequestEvent(deps: ApiDeps, ctx: CallContext): Reply {
  const { state } = deps;
  const auth = authenticate(state, ctx.headers, ctx.nowMs);
  if (!auth.ok) return auth.reply;
  const parsed = RequestEvent.safeParse(ctx.body);
  if (!parsed.success) return failure(422, 'invalid_event', describeIssues(parsed.error));
  const index = state.requests.indexOf((ctx.params[0] ?? '').toLowerCase());
  if (index === undefined) return failure(404, 'not_found', 'No such request.');

  const outcome = applyRequestEvent(state, index, auth.caller, parsed.data, ctx.nowMs);
  switch (outcome.status) {
    case 'accepted':
    case 'duplicate': {
      const body: z.infer<typeof RequestEventResponse> = { status: outcome.status };
      return ok(body);
    }
    case 'forbidden':
      return failure(403, 'forbidden', `Your roles do not cover requests of kind ${state.requests.kind(index)}.`);
    case 'gone':
      return failure(404, 'not_found', outcome.detail);
    case 'not_owner':
      return failure(409, 'not_owner', 'Only the user and workstation holding the claim may send events.');
    case 'invalid':
      return failure(422, 'invalid_event', outcome.detail);
  }
}
