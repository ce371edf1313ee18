// POST /api/v1/holds (a data-protection officer asks) and POST /api/v1/holds/{id}/decision
// (a different person with the supervisor role confirms or rejects): issue 14's holds.
import { HoldDecision, HoldRequest } from '../../shared/holds';
import { failure, ok, type Reply } from '../http/reply';
import { type CallContext } from '../http/router';
import { decideHold, requestHold, type HoldOutcome } from '../lifecycle/holds';
import { authenticate } from './auth';
import { type ApiDeps } from './deps';
import { describeIssues } from './validation';

function reply(outcome: HoldOutcome, created = false): Reply {
  switch (outcome.status) {
    case 'ok':
      return ok(outcome.hold, created ? 201 : 200);
    case 'forbidden':
      return failure(403, 'forbidden', 'Your roles may not do this with holds.');
    case 'not_found':
      return failure(404, 'not_found', 'No such hold.');
    case 'same_person':
      return failure(403, 'forbidden', 'A hold is decided by a different person than the one who asked for it.');
    case 'already_decided':
      return failure(409, 'invalid_request', 'This hold was decided already.');
    case 'invalid':
      return failure(400, 'invalid_request', outcome.detail);
  }
}

export async function postHold(deps: ApiDeps, ctx: CallContext): Promise<Reply> {
  const auth = await authenticate(deps.db, ctx.headers, ctx.now);
  if (!auth.ok) return auth.reply;
  const parsed = HoldRequest.safeParse(ctx.body);
  if (!parsed.success) return failure(400, 'invalid_request', describeIssues(parsed.error));
  return reply(await requestHold(deps.db, auth.caller, parsed.data, ctx.now), true);
}

export async function postHoldDecision(deps: ApiDeps, ctx: CallContext): Promise<Reply> {
  const auth = await authenticate(deps.db, ctx.headers, ctx.now);
  if (!auth.ok) return auth.reply;
  const parsed = HoldDecision.safeParse(ctx.body);
  if (!parsed.success) return failure(400, 'invalid_request', describeIssues(parsed.error));
  return reply(await decideHold(deps.db, auth.caller, (ctx.params[0] ?? '').toLowerCase(), parsed.data, ctx.now));
}
