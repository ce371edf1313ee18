// The dry run: the plan a sweep would execute now, optionally under a simulated rule change,
// summarised per rule and kind. Writes nothing.
import type { DryRun, RuleChangeInput } from '../../../shared/retention';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { planPurges } from './plan';
import { checkRuleChange, readRules } from './rules';

export function dryRun(db: DeskDb, clock: Clock, change: RuleChangeInput | null): DryRun {
  if (change) checkRuleChange(change.key, change.period);
  const rules = { ...readRules(db), ...(change ? { [change.key]: change.period } : {}) };
  const now = clock();
  const plan = planPurges(db, now, rules).filter((p) => p.action !== 'hold');
  const byRule = new Map<string, DryRun['byRule'][number]>();
  for (const p of plan) {
    const key = `${p.rule}|${p.kind}`;
    const entry = byRule.get(key) ?? { rule: p.rule, kind: p.kind, count: 0 };
    entry.count += p.count ?? 1;
    byRule.set(key, entry);
  }
  return {
    at: now.toISOString(),
    change,
    total: plan.reduce((n, p) => n + (p.count ?? 1), 0),
    byRule: [...byRule.values()],
    requests: plan.flatMap((p) => (p.kind === 'sms' ? [] : [{ id: p.targetId, kind: p.kind, rule: p.rule, action: p.action }])),
  };
}
