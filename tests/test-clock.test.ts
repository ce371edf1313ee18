import { describe, expect, it } from 'vitest';
import { TEST_NOW_ENV, testClock, testStartMs, TIME_TRAVEL_DATES } from './test-clock';

describe('test clock', () => {
  it('starts at SERVICEDESK_TEST_NOW and runs on; moves by setNow and advance', async () => {
    const clock = testClock({ [TEST_NOW_ENV]: '2026-03-29T03:30:00+02:00' });
    expect(clock.travelled).toBe(true);
    const first = clock.now().getTime();
    expect(Math.abs(first - Date.parse('2026-03-29T01:30:00Z'))).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(clock.now().getTime()).toBeGreaterThan(first);
    clock.setNow('2027-02-28T11:00:00Z');
    expect(Math.abs(clock.now().getTime() - Date.parse('2027-02-28T11:00:00Z'))).toBeLessThan(1_000);
    clock.advance(31 * 60_000);
    expect(Math.abs(clock.now().getTime() - Date.parse('2027-02-28T11:31:00Z'))).toBeLessThan(1_000);
  });

  it('is real time without the variable, and refuses a value that is not an instant', () => {
    expect(testClock({}).travelled).toBe(false);
    expect(Math.abs(testClock({}).now().getTime() - Date.now())).toBeLessThan(1_000);
    expect(() => testStartMs({ [TEST_NOW_ENV]: '29.03.2026' })).toThrow(/RFC 3339/);
    for (const date of TIME_TRAVEL_DATES) expect(testStartMs({ [TEST_NOW_ENV]: date })).not.toBeNull();
  });

  it('shifts the system date of a Vitest run when the variable is set (tests/vitest-time-travel.ts)', () => {
    const start = testStartMs();
    // Real time without the variable; within the run's duration of the chosen instant with it.
    const expected = start ?? Date.now();
    expect(Math.abs(new Date().getTime() - expected)).toBeLessThan(30 * 60_000);
  });
});
