// Each test gets its own reference backend, data directory, core and web host (STYLE.md 9), all
// on one test clock (SERVICEDESK_TEST_NOW moves it to a chosen date); the browser's clock starts
// at the same instant, so the page, the core and the backend agree on what 'now' is.
import { test as base, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_USERS } from '../../backend/demo-users';
import type { GenerateCounts } from '../../backend/generator';
import { type RunningBackend } from '../../backend/server';
import { startBackendForTest } from '../../backend/testing/test-backend';
import type { Desk } from '../../electron/core/desk';
import { launchWebHost } from '../../electron/webhost/launch';
import { testClock, type TestClock } from '../test-clock';

export interface DeskWorld {
  backend: RunningBackend;
  desk: Desk;
  dataDir: string;
  /** The web host's address with its one-time launch code. */
  appUrl: string;
  clock: TestClock;
}

interface WorldOptions {
  backendSeed: number;
  demo: GenerateCounts;
  /** The backend's session lifetime: tests that move the clock by days outlive the default 8 hours. */
  tokenTtlSeconds: number | undefined;
  /** The desk's periodic sync; 0 leaves news to the long poll alone. */
  syncIntervalMs: number;
}

export const test = base.extend<WorldOptions & { clock: TestClock; world: DeskWorld }>({
  backendSeed: [11, { option: true }],
  demo: [{ callbacks: 25, contacts: 10, dpo: 3, equality: 2, sms: 100, portal: 120 }, { option: true }],
  tokenTtlSeconds: [undefined, { option: true }],
  syncIntervalMs: [1_000, { option: true }],
  // Playwright reads the fixtures a fixture needs from this destructuring; this one needs none.
  // eslint-disable-next-line no-empty-pattern
  clock: async ({}, use) => {
    await use(testClock());
  },
  world: async ({ backendSeed, demo, tokenTtlSeconds, syncIntervalMs, clock }, use) => {
    const backend = await startBackendForTest({ seed: backendSeed, demo, tokenTtlSeconds, now: clock.now });
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'servicedesk-e2e-'));
    const web = await launchWebHost({ dataDir, defaultBackendUrl: backend.url, demoUsers: [...DEMO_USERS], syncIntervalMs, now: clock.now });
    await use({ backend, desk: web.desk, dataDir, appUrl: web.host.url, clock });
    await web.close();
    await backend.close();
  },
  page: async ({ page, clock }, use) => {
    await page.clock.install({ time: clock.now() });
    await use(page);
  },
});

/** Moves the test clock and, where it runs on a fake clock, the page's clock with it (timers due meanwhile fire). */
export async function travel(page: Page, clock: TestClock, to: { iso?: string; ms?: number }): Promise<void> {
  const before = clock.now().getTime();
  if (to.iso !== undefined) clock.setNow(to.iso);
  if (to.ms !== undefined) clock.advance(to.ms);
  const delta = clock.now().getTime() - before;
  if (delta > 0) await page.clock.fastForward(delta);
  else await page.clock.setSystemTime(clock.now());
}

const berlinDateFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' });

/** The Berlin calendar date (YYYY-MM-DD) `days` days after the clock's now. */
export function berlinDate(clock: TestClock, days = 0): string {
  return berlinDateFormat.format(clock.now().getTime() + days * 86_400_000);
}

export { expect } from '@playwright/test';
