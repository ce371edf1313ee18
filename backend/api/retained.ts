// Retained cases (issue 16, item 3): POST /api/v1/requests/{id}/retained-view (read a kept case
// again, with a reason), GET /api/v1/retentions/pending and POST /api/v1/requests/{id}/retention-decision
// (a supervisor confirms or shortens a retention over one year).
import { RetainedViewRequest, RetentionDecisionRequest } from '../../shared/retained';
import { failure, ok, type Reply } from '../http/reply';
import { type CallContext } from '../http/router';
import { viewRetained } from '../lifecycle/retained-view';
import { decideRetention, pendingRetentions } from '../lifecycle/retention-confirmation';
import { authenticate } from './auth';
import { type ApiDeps } from './deps';
import { describeIssues } from './validation';

export async function postRetainedView(deps: ApiDeps, ctx: CallContext): Promise<Reply> {
  const auth = await authenticate(deps.db, ctx.headers, ctx.now);
  if (!auth.ok) return auth.reply;
  const parsed = RetainedViewRequest.safeParse(ctx.body);
  if (!parsed.success) return failure(400, 'invalid_request', describeIssues(parsed.error));
  const outcome = await viewRetained(deps.db, auth.caller, (ctx.params[0] ?? '').toLowerCase(), parsed.data.reason, ctx.now);
  switch (outcome.status) {
    case 'shown':
      return ok(outcome.view);
    case 'forbidden':
      return failure(403, 'forbidden', 'Your roles do not cover this kind of request.');
    case 'not_retained':
      return failure(404, 'not_found', 'Nothing of this request is kept (not closed with a retention, or its retention ended).');
    case 'not_found':
      return failure(404, 'not_found', 'No such request.');
  }
}

export async function getPendingRetentions(deps: ApiDeps, ctx: CallContext): Promise<Reply> {
  const auth = await authenticate(deps.db, ctx.headers, ctx.now);
  if (!auth.ok) return auth.reply;
  if (!auth.caller.user.roles.includes('supervisor')) return failure(403, 'forbidden', 'Only supervisors decide on long retentions.');
  return ok({ retentions: await pendingRetentions(deps.db) });
}

export async function postRetentionDecision(deps: ApiDeps, ctx: CallContext): Promise<Reply> {
  const auth = await authenticate(deps.db, ctx.headers, ctx.now);
  if (!auth.ok) return auth.reply;
  const parsed = RetentionDecisionRequest.safeParse(ctx.body);
  if (!parsed.success) return failure(400, 'invalid_request', describeIssues(parsed.error));
  const requestId = (ctx.params[0] ?? '').toLowerCase();
  const outcome = await decideRetention(deps.db, auth.caller, requestId, parsed.data.until, ctx.now);
  switch (outcome.status) {
    case 'ok':
      return ok({ requestId, retainedUntil: outcome.retainedUntil });
    case 'forbidden':
      return failure(403, 'forbidden', 'Only supervisors decide on long retentions.');
    case 'own_close':
      return failure(409, 'invalid_request', 'Four eyes: a supervisor decides only on a retention someone else asked for.');
    case 'not_found':
      return failure(404, 'not_found', 'No such request.');
    case 'nothing_pending':
      return failure(409, 'invalid_request', 'No retention of this request waits for a decision.');
    case 'invalid':
      return failure(400, 'invalid_request', outcome.detail);
  }
}
