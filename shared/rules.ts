// The rules in force for the whole service center (issue 16): retention periods and the callback
// retry rules. A supervisor sets them at the backend; every workstation applies the backend's set
// from the feed (`rules.updated`). The limits live here so that the backend and every desk refuse
// the same changes with the same words: a period may be tightened down to 0, never past its limit.
import { z } from 'zod';
import { Instant } from './wire';

export const RULE_KEYS = [
  'callback_closed',
  'callback_expiry',
  'case_closed',
  'retention_proof',
  'retention_customer_care',
  'retention_statutory',
  'local_copy',
  'sms_log',
  'sms_legal_hold',
] as const;
export const RuleKey = z.enum(RULE_KEYS);
export type RuleKey = z.infer<typeof RuleKey>;

export interface RuleLimit {
  unit: 'days' | 'years';
  /** Default and limit are the same: DESIGN.md's periods are already the longest allowed. */
  limit: number;
  adjustable: boolean;
}

export const RULE_LIMITS: Record<RuleKey, RuleLimit> = {
  callback_closed: { unit: 'days', limit: 0, adjustable: false },
  callback_expiry: { unit: 'days', limit: 14, adjustable: true },
  case_closed: { unit: 'days', limit: 0, adjustable: false },
  retention_proof: { unit: 'years', limit: 3, adjustable: true },
  retention_customer_care: { unit: 'years', limit: 1, adjustable: true },
  retention_statutory: { unit: 'years', limit: 10, adjustable: true },
  local_copy: { unit: 'days', limit: 0, adjustable: false },
  sms_log: { unit: 'days', limit: 90, adjustable: true },
  sms_legal_hold: { unit: 'days', limit: 180, adjustable: true },
};

export interface RetryRuleValues {
  maxAttempts: number;
  minGapMinutes: number;
}
export const DEFAULT_RETRY_RULES: RetryRuleValues = { maxAttempts: 3, minGapMinutes: 30 };
/** Sane bounds: never fewer than one call, never hammering a caller, never days apart. */
export const RETRY_BOUNDS = { maxAttempts: { min: 1, max: 5 }, minGapMinutes: { min: 10, max: 240 } } as const;

const isRuleKey = (key: string): key is RuleKey => (RULE_KEYS as readonly string[]).includes(key);

/** Why a retention period may not be set (German), or null when it may. */
export function retentionChangeProblem(key: string, period: number): string | null {
  if (!isRuleKey(key)) return 'Diese Regel gibt es nicht.';
  const def = RULE_LIMITS[key];
  if (!def.adjustable) return 'Diese Regel ist durch das Datenschutzkonzept fest vorgegeben.';
  if (!Number.isInteger(period) || period < 0) return 'Die Frist muss eine ganze Zahl ab 0 sein.';
  if (period > def.limit) return `Die Frist darf höchstens ${def.limit} ${def.unit === 'days' ? 'Tage' : 'Jahre'} betragen; eine Regel darf nur verschärft werden.`;
  return null;
}

/** Why retry rules may not be set (German), or null when they may. */
export function retryChangeProblem(rules: RetryRuleValues): string | null {
  const { maxAttempts: a, minGapMinutes: g } = RETRY_BOUNDS;
  if (!Number.isInteger(rules.maxAttempts) || rules.maxAttempts < a.min || rules.maxAttempts > a.max) return `Die Höchstzahl der Anrufversuche muss zwischen ${a.min} und ${a.max} liegen.`;
  if (!Number.isInteger(rules.minGapMinutes) || rules.minGapMinutes < g.min || rules.minGapMinutes > g.max) return `Der Mindestabstand muss zwischen ${g.min} und ${g.max} Minuten liegen.`;
  return null;
}

// --- wire (SYNC_API 1.1 extension, issue 16) ---------------------------------
const RuleActor = z.object({ userId: z.string().min(1).max(200), displayName: z.string().min(1).max(200) });

/** A change a supervisor asks for. Numbers are not bounded here: a refusal is the backend's to audit. */
export const RuleChange = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('retention'), key: z.string().min(1).max(100), period: z.number() }),
  z.strictObject({ rule: z.literal('retry'), maxAttempts: z.number(), minGapMinutes: z.number() }),
]);
export type RuleChange = z.infer<typeof RuleChange>;

/**
 * One retention rule as the backend holds it; `changedBy` null means the default in code. The key
 * is any text so that a rule a newer backend knows does not break an older desk's feed: the desk
 * skips keys it does not know.
 */
export const RetentionRuleInForce = z.object({
  key: z.string().min(1).max(100),
  period: z.number().int().min(0),
  changedBy: RuleActor.nullable(),
  changedAt: Instant.nullable(),
});
export type RetentionRuleInForce = z.infer<typeof RetentionRuleInForce>;

export const RetryRulesInForce = z.object({
  maxAttempts: z.number().int(),
  minGapMinutes: z.number().int(),
  changedBy: RuleActor.nullable(),
  changedAt: Instant.nullable(),
});
export type RetryRulesInForce = z.infer<typeof RetryRulesInForce>;

/**
 * The full set in force. `version` grows with every accepted change, so a desk applies a set only
 * if it is newer than the one it has (the feed repeats events; an answer may overtake the feed).
 */
export const RulesInForce = z.object({
  version: z.number().int().min(0),
  retention: z.array(RetentionRuleInForce).max(100),
  retry: RetryRulesInForce,
});
export type RulesInForce = z.infer<typeof RulesInForce>;
