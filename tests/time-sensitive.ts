// The tests whose outcome depends on the date they run: due and overdue callbacks, preferred
// windows, retention expiry, SMS quota days (Berlin days), date-range filters. CI runs these
// again with the test clock moved to each of TIME_TRAVEL_DATES (scripts/test-all.ts).

/** Vitest files: each runs its code on the test clock or on the shifted system date (vitest-time-travel.ts). */
export const TIME_SENSITIVE_UNIT_TESTS = [
  'backend/generator/generator.test.ts', // callback slots from today, the SMS history and its misuse patterns
  'backend/api/request-events.test.ts', // retention limits counted from today
  'electron/core/queue/due.test.ts', // due and overdue windows
  'electron/core/queue/workbench.integration.test.ts', // claim, attempt gaps, close against the backend
  'electron/core/queue/close-retention.test.ts', // retention dates from today
  'electron/core/retention/sweep.test.ts', // what is due for purging
  'electron/core/retention/retention.integration.test.ts', // purge, receipts and the dashboard
  'electron/core/retention/rule-boundaries.test.ts', // limits counted in years and days
  'electron/core/sms/lookup.test.ts', // quota per Berlin day
  'electron/core/sync/sync.integration.test.ts', // SMS 90-day expiry on arrival
] as const;

/**
 * Playwright: the tests tagged with it (backend, core and browser share the test clock,
 * tests/e2e/fixtures.ts): due now, windows opening, attempt gaps and retention dates
 * (workbench), SMS quota days and the lookup's date range (officer), expiry of unclosed callbacks
 * and the dry run (retention dashboard), the Prüfprotokoll's Berlin date range (audit view).
 * A test of the same spec that does not depend on the date (the keyboard, a claim refused) is
 * not run again on each date.
 */
export const TIME_SENSITIVE = '@time-sensitive';
