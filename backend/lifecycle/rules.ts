// The rules in force for the whole service center (issue 16): retention periods and the callback
// retry rules. Only a supervisor changes them, only within the limits in code (shared/rules.ts,
// the same check every desk makes); every attempt is recorded in `rule_changes`, a refusal too.
// An accepted change puts the full set in the feed (`rules.updated`, for everyone), so every
// workstation applies the same rules within one sync.
import { randomUUID } from 'node:crypto';
import { max, sql } from 'drizzle-orm';
import { DEFAULT_RETRY_RULES, RULE_KEYS, RULE_LIMITS, retentionChangeProblem, retryChangeProblem, type RuleChange, type RuleKey, type RulesInForce } from '../../shared/rules';
import { type BackendDb, type Queryable, type Tx } from '../db/database';
import { ruleChanges, rulesInForce } from '../db/schema';
import { appendFeed } from '../feed/append';
import { AUDIENCE } from '../feed/audience';
import { wireInstant } from '../time';
import { type Caller } from './caller';

/** Changes take turns: each reads the set it announces after writing, under this lock. */
const RULES_LOCK = 0x53445f52; // 'SD_R'
const RETRY_KEYS = { maxAttempts: 'retry_max_attempts', minGapMinutes: 'retry_min_gap_minutes' } as const;

export type RuleChangeOutcome = { status: 'ok'; rules: RulesInForce } | { status: 'forbidden' | 'refused'; detail: string };

type RuleRow = typeof rulesInForce.$inferSelect;
const actorOfRow = (row: RuleRow | undefined) => (row ? { userId: row.changedBy, displayName: row.changedByName } : null);
const changedAt = (row: RuleRow | undefined) => (row ? wireInstant(row.changedAt) : null);

/** The full set: every retention rule (stored value, never above its limit, or the default) and the retry rules. */
export async function readRulesInForce(q: Queryable): Promise<RulesInForce> {
  const rows = new Map((await q.select().from(rulesInForce)).map((r) => [r.key, r]));
  const [last] = await q.select({ version: max(ruleChanges.version) }).from(ruleChanges);
  const attempts = rows.get(RETRY_KEYS.maxAttempts);
  const gap = rows.get(RETRY_KEYS.minGapMinutes);
  const retryRow = [attempts, gap].filter((r) => r !== undefined).sort((a, b) => b.changedAt.getTime() - a.changedAt.getTime())[0];
  return {
    version: last?.version ?? 0,
    retention: RULE_KEYS.map((key) => {
      const row = rows.get(key);
      const limit = RULE_LIMITS[key].limit;
      return { key, period: row && RULE_LIMITS[key].adjustable ? Math.min(Math.max(row.value, 0), limit) : limit, changedBy: actorOfRow(row), changedAt: changedAt(row) };
    }),
    retry: {
      maxAttempts: attempts?.value ?? DEFAULT_RETRY_RULES.maxAttempts,
      minGapMinutes: gap?.value ?? DEFAULT_RETRY_RULES.minGapMinutes,
      changedBy: actorOfRow(retryRow),
      changedAt: changedAt(retryRow),
    },
  };
}

/** One retention period of a set (the limit in code when the set lacks it). */
export function retentionPeriod(rules: RulesInForce, key: RuleKey): number {
  return rules.retention.find((r) => r.key === key)?.period ?? RULE_LIMITS[key].limit;
}

function problemOf(change: RuleChange): string | null {
  return change.rule === 'retention' ? retentionChangeProblem(change.key, change.period) : retryChangeProblem(change);
}

/** The stored rows a change writes: one per value it sets. */
function valuesOf(change: RuleChange): [string, number][] {
  if (change.rule === 'retention') return [[change.key, change.period]];
  return [
    [RETRY_KEYS.maxAttempts, change.maxAttempts],
    [RETRY_KEYS.minGapMinutes, change.minGapMinutes],
  ];
}

async function record(tx: Tx, caller: Caller, change: RuleChange, now: Date, outcome: 'accepted' | 'refused', reason: string | null, version: number | null): Promise<void> {
  await tx.insert(ruleChanges).values({ id: randomUUID(), at: now, userId: caller.user.id, userName: caller.user.displayName, workstation: caller.workstation, change, outcome, reason, version });
}

export async function changeRule(db: BackendDb, caller: Caller, change: RuleChange, now: Date): Promise<RuleChangeOutcome> {
  const refusal = !caller.user.roles.includes('supervisor') ? { status: 'forbidden' as const, detail: 'Nur die Leitung darf Regeln ändern.' } : problemOf(change) ? { status: 'refused' as const, detail: problemOf(change)! } : null;
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${RULES_LOCK})`);
    if (refusal) {
      // A refusal is an attempt to loosen a rule (or to act without the role): kept like an accepted change.
      await record(tx, caller, change, now, 'refused', refusal.status === 'forbidden' ? 'role' : 'limit', null);
      return refusal;
    }
    const version = (await readRulesInForce(tx)).version + 1;
    for (const [key, value] of valuesOf(change)) {
      const row = { key, value, changedBy: caller.user.id, changedByName: caller.user.displayName, changedAt: now };
      await tx.insert(rulesInForce).values(row).onConflictDoUpdate({ target: rulesInForce.key, set: row });
    }
    await record(tx, caller, change, now, 'accepted', null, version);
    const rules = await readRulesInForce(tx);
    await appendFeed(tx, [{ type: 'rules.updated', at: now, audience: AUDIENCE.rules, data: { rules } }]);
    return { status: 'ok', rules };
  });
}

/** The retention limits in force per close reason, in years (what a close's `until` may reach). */
export async function retentionYearsInForce(q: Queryable): Promise<Record<'proof' | 'customer_care' | 'statutory', number>> {
  const rules = await readRulesInForce(q);
  return {
    proof: retentionPeriod(rules, 'retention_proof'),
    customer_care: retentionPeriod(rules, 'retention_customer_care'),
    statutory: retentionPeriod(rules, 'retention_statutory'),
  };
}
