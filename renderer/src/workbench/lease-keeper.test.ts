import { describe, expect, it } from 'vitest';
import { leaseNeedsRenewal, RENEW_BEFORE_MS } from './LeaseKeeper';

describe('lease renewal', () => {
  const now = Date.parse('2025-03-12T10:00:00Z');
  it('renews within five minutes of the end, and after it ran out', () => {
    expect(leaseNeedsRenewal(new Date(now + RENEW_BEFORE_MS + 1_000).toISOString(), now)).toBe(false);
    expect(leaseNeedsRenewal(new Date(now + RENEW_BEFORE_MS).toISOString(), now)).toBe(true);
    expect(leaseNeedsRenewal(new Date(now - 1_000).toISOString(), now)).toBe(true);
  });
  it('does nothing without a lease', () => {
    expect(leaseNeedsRenewal(null, now)).toBe(false);
  });
});
