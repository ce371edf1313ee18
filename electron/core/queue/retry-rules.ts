// Call-attempt rules (issue 3): at most N attempts, at least M minutes apart, inside the
// preferred window. Enforced here, in the core; the UI only shows the reason we return.
// Supervisors adjust N and M within bounds at the backend (issue 16); this workstation keeps the
// backend's copy in the key/value state table.
import type { Disposition } from '../../../shared/domain';
import { DEFAULT_RETRY_RULES, RETRY_BOUNDS } from '../../../shared/rules';
import type { RetryCheck, RetryRules } from '../../../shared/views';
import type { DeskDb } from '../db/open';
import { readState, writeState } from '../db/state';
import { formatBerlin } from '../time/berlin';

export const RETRY_RULES_KEY = 'queue.retry_rules';
// The limits are shared with the backend, which holds the rules in force (issue 16).
export { DEFAULT_RETRY_RULES, RETRY_BOUNDS };

/** The retry rules in force on this workstation: the backend's copy, clamped to the bounds in code. */
export function readRetryRules(db: DeskDb): RetryRules {
  const raw = readState(db, RETRY_RULES_KEY);
  if (!raw) return { ...DEFAULT_RETRY_RULES };
  try {
    const parsed = JSON.parse(raw) as Partial<RetryRules>;
    return {
      maxAttempts: clamp(parsed.maxAttempts, RETRY_BOUNDS.maxAttempts, DEFAULT_RETRY_RULES.maxAttempts),
      minGapMinutes: clamp(parsed.minGapMinutes, RETRY_BOUNDS.minGapMinutes, DEFAULT_RETRY_RULES.minGapMinutes),
      ...(typeof parsed.changedBy === 'string' && typeof parsed.changedAt === 'string' ? { changedBy: parsed.changedBy, changedAt: parsed.changedAt } : {}),
    };
  } catch {
    return { ...DEFAULT_RETRY_RULES }; // a damaged value must not lift the limits
  }
}

/** null: back to the defaults in code. */
export function writeRetryRules(db: DeskDb, rules: RetryRules | null): void {
  writeState(db, RETRY_RULES_KEY, rules === null ? null : JSON.stringify(rules));
}

function clamp(value: unknown, bounds: { min: number; max: number }, fallback: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) return fallback;
  return Math.min(bounds.max, Math.max(bounds.min, value));
}

export interface AttemptHistory {
  dueFrom: string | null;
  dueUntil: string | null;
  attempts: { at: string; disposition: Disposition }[];
}

const berlinTime = (iso: string) => formatBerlin(new Date(iso), 'HH:mm');
const berlinDateTime = (iso: string) => formatBerlin(new Date(iso), 'dd.MM.yyyy, HH:mm');

/**
 * Whether one more call attempt is allowed at `now`, and if not, why (German). The window and
 * gap rules govern retries: the first call is always possible (the queue marks it due or
 * overdue), so a late first call is not lost and the CLI's claim → attempt → close works any time.
 */
export function checkRetry(history: AttemptHistory, rules: RetryRules, now: Date): RetryCheck {
  const count = history.attempts.length;
  const attemptsLeft = Math.max(0, rules.maxAttempts - count);
  const refuse = (reason: string, nextAllowedAt: string | null = null): RetryCheck => ({ allowed: false, reason, nextAllowedAt, attemptsLeft, rules });
  const last = history.attempts.at(-1);
  if (last?.disposition === 'reached') return refuse('Die Person wurde bereits erreicht: bitte als „Erledigt“ abschließen.');
  if (last?.disposition === 'wrong_number') return refuse('Die Nummer ist falsch: bitte als „Nicht erreicht“ abschließen.');
  if (attemptsLeft === 0) return refuse(`Höchstzahl von ${rules.maxAttempts} Anrufversuchen erreicht: bitte als „Nicht erreicht“ abschließen.`);
  if (!last) return { allowed: true, reason: null, nextAllowedAt: null, attemptsLeft, rules };
  const t = now.getTime();
  if (history.dueUntil && t >= Date.parse(history.dueUntil)) {
    return refuse(`Das Wunschfenster ist vorbei (bis ${berlinTime(history.dueUntil)} Uhr): kein weiterer Versuch, bitte abschließen.`);
  }
  const gapEnd = Date.parse(last.at) + rules.minGapMinutes * 60_000;
  const windowStart = history.dueFrom ? Date.parse(history.dueFrom) : 0;
  const next = Math.max(gapEnd, windowStart);
  if (next > t) {
    const nextIso = new Date(next).toISOString();
    if (history.dueUntil && next >= Date.parse(history.dueUntil)) {
      return refuse(`Kein weiterer Versuch im Wunschfenster möglich (Mindestabstand ${rules.minGapMinutes} Minuten, Fenster bis ${berlinTime(history.dueUntil)} Uhr).`);
    }
    const reason =
      next === gapEnd
        ? `Nächster Versuch frühestens ab ${berlinDateTime(nextIso)} Uhr (Mindestabstand ${rules.minGapMinutes} Minuten).`
        : `Das Wunschfenster beginnt erst am ${berlinDateTime(nextIso)} Uhr.`;
    return refuse(reason, nextIso);
  }
  return { allowed: true, reason: null, nextAllowedAt: null, attemptsLeft, rules };
}
