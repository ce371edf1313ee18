// When and how long to wait before calling the backend again. Pure, so tests can check the
// schedule without waiting: the first retry comes within 2 s, no wait exceeds the cap.
export interface RetryPolicy {
  /** Total tries of one call, the first included. */
  maxTries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A server's Retry-After is honoured up to this. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxTries: 6, baseDelayMs: 500, maxDelayMs: 30_000, maxRetryAfterMs: 60_000 };
/** For a user's click: one quick retry, then the outbox takes over. */
export const INTERACTIVE_RETRY: RetryPolicy = { maxTries: 2, baseDelayMs: 300, maxDelayMs: 1_000, maxRetryAfterMs: 2_000 };

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Exponential backoff with ±20 % jitter, or the server's Retry-After (seconds) when given. */
export function retryDelayMs(policy: RetryPolicy, failedTries: number, retryAfter: string | null, random = Math.random): number {
  const seconds = retryAfter === null ? NaN : Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, policy.maxRetryAfterMs);
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, failedTries - 1);
  const jittered = exponential * (0.8 + 0.4 * random());
  return Math.min(Math.round(jittered), policy.maxDelayMs);
}
