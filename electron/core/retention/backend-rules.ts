// Applies the backend's rules in force (issue 16: feed `rules.updated`, or the answer to this
// desk's own change) to this workstation: its retention rule table and its retry rules become a
// copy of the backend's, so every PC purges, expires and limits attempts alike. A set no newer
// than the one applied is ignored (the feed repeats events; an answer may overtake the feed).
import { inArray, notInArray } from 'drizzle-orm';
import { RULE_KEYS, RULE_LIMITS, type RuleKey, type RulesInForce } from '../../../shared/rules';
import { appendAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { retentionRules } from '../db/schema';
import { readState, writeState } from '../db/state';
import { writeRetryRules } from '../queue/retry-rules';

export const RULES_VERSION_KEY = 'rules.version';

export type RulesApplied = { applied: false } | { applied: true; tightened: boolean };

/** Instants as this desk stores them everywhere (with milliseconds). */
const stored = (instant: string) => new Date(instant).toISOString();
const isKnown = (key: string): key is RuleKey => (RULE_KEYS as readonly string[]).includes(key);

export function appliedRulesVersion(db: DeskDb): number {
  return Number(readState(db, RULES_VERSION_KEY) ?? 0);
}

export function applyRulesInForce(db: DeskDb, clock: Clock, rules: RulesInForce): RulesApplied {
  return db.transaction(() => {
    if (rules.version <= appliedRulesVersion(db)) return { applied: false };
    const before = new Map(db.select().from(retentionRules).all().map((r) => [r.key, r.period]));
    let tightened = false;
    const kept: string[] = [];
    // Keys this desk does not know (a newer backend's) are skipped; fixed rules stay in code.
    for (const rule of rules.retention.filter((r) => isKnown(r.key) && RULE_LIMITS[r.key as RuleKey].adjustable)) {
      if (!rule.changedBy || !rule.changedAt) continue; // at its default: no row
      kept.push(rule.key);
      const row = { key: rule.key, period: rule.period, updatedAt: stored(rule.changedAt), updatedBy: rule.changedBy.displayName };
      db.insert(retentionRules).values(row).onConflictDoUpdate({ target: retentionRules.key, set: row }).run();
      const was = before.get(rule.key) ?? RULE_LIMITS[rule.key as RuleKey].limit;
      if (rule.period < was) tightened = true;
    }
    db.delete(retentionRules)
      .where(kept.length > 0 ? notInArray(retentionRules.key, kept) : inArray(retentionRules.key, [...RULE_KEYS]))
      .run();
    const { retry } = rules;
    writeRetryRules(db, retry.changedBy && retry.changedAt ? { maxAttempts: retry.maxAttempts, minGapMinutes: retry.minGapMinutes, changedBy: retry.changedBy.displayName, changedAt: stored(retry.changedAt) } : null);
    writeState(db, RULES_VERSION_KEY, String(rules.version));
    // Which rules this workstation worked under, and since when: part of its Prüfprotokoll.
    appendAudit(db, clock, { actor: 'backend', action: 'rules.applied', subject: `v${rules.version}`, details: { version: rules.version } });
    return { applied: true, tightened };
  });
}
