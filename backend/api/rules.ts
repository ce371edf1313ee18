// GET /api/v1/rules (the set in force, for anyone logged in) and POST /api/v1/rules (a supervisor
// changes one rule, tighten only): issue 16. A refusal is recorded at the backend before it is answered.
import { RuleChange } from '../../shared/rules';
import { failure, ok, type Reply } from '../http/reply';
import { type CallContext } from '../http/router';
import { changeRule, readRulesInForce } from '../lifecycle/rules';
import { authenticate } from './auth';
import { type ApiDeps } from './deps';
import { describeIssues } from './validation';

export async function getRules(deps: ApiDeps, ctx: CallContext): Promise<Reply> {
  const auth = await authenticate(deps.db, ctx.headers, ctx.now);
  if (!auth.ok) return auth.reply;
  return ok(await readRulesInForce(deps.db));
}

export async function postRule(deps: ApiDeps, ctx: CallContext): Promise<Reply> {
  const auth = await authenticate(deps.db, ctx.headers, ctx.now);
  if (!auth.ok) return auth.reply;
  const parsed = RuleChange.safeParse(ctx.body);
  if (!parsed.success) return failure(400, 'invalid_request', describeIssues(parsed.error));
  const outcome = await changeRule(deps.db, auth.caller, parsed.data, ctx.now);
  switch (outcome.status) {
    case 'ok':
      return ok(outcome.rules);
    case 'forbidden':
      return failure(403, 'forbidden', outcome.detail, { reason: 'rule_change_forbidden' });
    case 'refused':
      // `detail` is the shared German wording: the desk shows it as it is.
      return failure(400, 'invalid_request', outcome.detail, { reason: 'rule_limit' });
  }
}
