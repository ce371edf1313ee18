// The clock of a test run: real time, or real time moved to the instant in SERVICEDESK_TEST_NOW,
// so the time-sensitive tests can be run on chosen dates (daylight-saving switches, year and
// month ends) on any day. Tests move it further with setNow/advance; it keeps running from there.
export const TEST_NOW_ENV = 'SERVICEDESK_TEST_NOW';

/** The dates CI runs the time-sensitive tests on, as Berlin wall times near the awkward moments. */
export const TIME_TRAVEL_DATES = [
  '2026-03-29T03:30:00+02:00', // just after the spring switch (02:00-03:00 does not exist)
  '2026-10-25T02:30:00+01:00', // the second 02:30 of the autumn switch
  '2026-12-31T23:30:00+01:00', // Berlin is in the next year half an hour later, UTC still in this one
  '2027-02-28T12:00:00+01:00', // last day of a February in a common year
] as const;

export interface TestClock {
  now(): Date;
  /** Moves the clock to `iso`; it keeps running from there. */
  setNow(iso: string): void;
  advance(ms: number): void;
  /** True when SERVICEDESK_TEST_NOW moved the run away from real time. */
  readonly travelled: boolean;
}

export function testStartMs(env: NodeJS.ProcessEnv = process.env): number | null {
  const raw = env[TEST_NOW_ENV];
  if (!raw) return null;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw new Error(`${TEST_NOW_ENV}="${raw}" is not an RFC 3339 instant (e.g. 2026-03-29T03:30:00+02:00)`);
  return ms;
}

export function testClock(env: NodeJS.ProcessEnv = process.env): TestClock {
  const start = testStartMs(env);
  let offset = start === null ? 0 : start - Date.now();
  return {
    now: () => new Date(Date.now() + offset),
    setNow: (iso) => {
      offset = Date.parse(iso) - Date.now();
    },
    advance: (ms) => {
      offset += ms;
    },
    travelled: start !== null,
  };
}
