import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, isRetryableStatus, retryDelayMs } from './retry-policy';

describe('retry policy', () => {
  it('retries 429, 503 and any 5xx, nothing else', () => {
    expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([200, 400, 401, 403, 404, 409, 410, 422].some(isRetryableStatus)).toBe(false);
  });

  it('first retry comes within 2 s and every delay stays under the cap', () => {
    expect(retryDelayMs(DEFAULT_RETRY, 1, null, () => 1)).toBeLessThanOrEqual(2000);
    for (let tries = 1; tries < 30; tries++) {
      expect(retryDelayMs(DEFAULT_RETRY, tries, null, () => 1)).toBeLessThanOrEqual(DEFAULT_RETRY.maxDelayMs);
    }
    expect(retryDelayMs(DEFAULT_RETRY, 3, null, () => 0.5)).toBe(2000);
  });

  it('honours Retry-After in seconds, capped', () => {
    expect(retryDelayMs(DEFAULT_RETRY, 1, '3')).toBe(3000);
    expect(retryDelayMs(DEFAULT_RETRY, 1, '86400')).toBe(DEFAULT_RETRY.maxRetryAfterMs);
    expect(retryDelayMs(DEFAULT_RETRY, 1, 'soon', () => 0.5)).toBe(500);
  });
});
