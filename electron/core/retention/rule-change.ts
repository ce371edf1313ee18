// A supervisor's rule change (issue 16): retention and retry rules are set at the backend for the
// whole service center, never on one PC. The limits are checked here first (the same shared check
// the backend makes, so the refusal reads the same and is audited in this workstation's chain);
// offline nothing changes locally. The backend's answer is the new set in force, applied at once;
// the feed brings the same set to every other workstation.
import { retentionChangeProblem, retryChangeProblem, RulesInForce, type RuleChange, type RuleKey } from '../../../shared/rules';
import { ApiError } from '../../../shared/sync-api';
import { appendAudit } from '../audit/audit-log';
import type { DeskContext } from '../desk-context';
import { DeskError } from '../desk-error';
import type { Caller } from '../handlers/handler-types';
import { BackendUnreachableError } from '../sync/backend-client';
import { INTERACTIVE_RETRY } from '../sync/retry-policy';
import { SessionExpiredError } from '../sync/sync-errors';
import { applyRulesInForce, type RulesApplied } from './backend-rules';
import { readRules } from './rules';

const OFFLINE = 'Keine Verbindung zum Backend: Regeln gelten für alle Arbeitsplätze und werden nur dort geändert. Es wurde nichts geändert; bitte später erneut versuchen.';

const subjectOf = (change: RuleChange) => (change.rule === 'retention' ? change.key : 'retry');
const refusedAction = (change: RuleChange) => (change.rule === 'retention' ? 'rule.change_refused' : 'retry_rules.change_refused');
const detailsOf = (change: RuleChange): Record<string, number> => (change.rule === 'retention' ? { period: change.period } : { maxAttempts: change.maxAttempts, minGapMinutes: change.minGapMinutes });

function refuse(ctx: DeskContext, caller: Caller, change: RuleChange, code: 'invalid_input' | 'forbidden', message: string): never {
  // A refusal is an attempt to loosen a rule: audited like a change.
  appendAudit(ctx.db, ctx.clock, { actor: caller.session.user.id, action: refusedAction(change), subject: subjectOf(change), details: detailsOf(change) });
  throw new DeskError(code, message);
}

export async function changeRuleAtBackend(ctx: DeskContext, caller: Caller, change: RuleChange): Promise<RulesApplied> {
  const problem = change.rule === 'retention' ? retentionChangeProblem(change.key, change.period) : retryChangeProblem(change);
  if (problem) refuse(ctx, caller, change, 'invalid_input', problem);
  const client = ctx.clientFor(caller);
  const answer = await ctx.serial(() => client.call('POST', '/rules', change, INTERACTIVE_RETRY)).catch((error: unknown) => {
    throw error instanceof BackendUnreachableError ? new DeskError('backend_unreachable', OFFLINE) : ctx.translate(error);
  });
  const detail = ApiError.safeParse(answer.body).data?.detail;
  if (answer.status === 401) throw ctx.translate(new SessionExpiredError());
  if (answer.status === 403) refuse(ctx, caller, change, 'forbidden', 'Das Backend lässt diese Regeländerung nicht zu: Nur die Leitung darf Regeln ändern.');
  if (answer.status === 400) refuse(ctx, caller, change, 'invalid_input', `Das Backend hat die Regeländerung abgelehnt${detail ? `: ${detail}` : '.'}`);
  const rules = answer.status === 200 ? RulesInForce.safeParse(answer.body) : null;
  if (!rules?.success) throw new DeskError('backend_unreachable', `Regeländerung: unerwartete Antwort des Backends (HTTP ${answer.status}). Ob sie gilt, zeigt die nächste Synchronisation.`);
  appendAudit(ctx.db, ctx.clock, {
    actor: caller.session.user.id,
    action: change.rule === 'retention' ? 'rule.change' : 'retry_rules.changed',
    subject: subjectOf(change),
    details: change.rule === 'retention' ? { from: readRules(ctx.db)[change.key as RuleKey], to: change.period, version: rules.data.version } : { ...detailsOf(change), version: rules.data.version },
  });
  return applyRulesInForce(ctx.db, ctx.clock, rules.data);
}

/** Brings this workstation's copy up to the backend's set before a dry run; offline the copy stays as it is. */
export async function refreshRules(ctx: DeskContext, caller: Caller): Promise<RulesApplied> {
  try {
    const answer = await ctx.serial(() => ctx.clientFor(caller).call('GET', '/rules', undefined, { ...INTERACTIVE_RETRY, maxTries: 1 }));
    const rules = answer.status === 200 ? RulesInForce.safeParse(answer.body) : null;
    return rules?.success ? applyRulesInForce(ctx.db, ctx.clock, rules.data) : { applied: false };
  } catch (error) {
    if (error instanceof BackendUnreachableError) return { applied: false };
    throw ctx.translate(error);
  }
}
