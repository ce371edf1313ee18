// Each test gets its own reference backend, data directory, core and web host (STYLE.md 9).
import { test as base } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_USERS } from '../../backend/demo-users';
import { startBackend, type RunningBackend } from '../../backend/server';
import { launchWebHost } from '../../electron/webhost/launch';

export interface DeskWorld {
  backend: RunningBackend;
  dataDir: string;
  /** The web host's address with its launch secret. */
  appUrl: string;
}

export const test = base.extend<{ world: DeskWorld }>({
  // Playwright reads the fixtures a fixture needs from this destructuring; this one needs none.
  // eslint-disable-next-line no-empty-pattern
  world: async ({}, use) => {
    const backend = await startBackend({ seed: 11, demo: { callbacks: 25, contacts: 10, dpo: 3, equality: 2, sms: 100 } });
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'servicedesk-e2e-'));
    const web = await launchWebHost({ dataDir, defaultBackendUrl: backend.url, demoUsers: [...DEMO_USERS], syncIntervalMs: 1_000 });
    await use({ backend, dataDir, appUrl: web.host.url });
    await web.close();
    await backend.close();
  },
});

export { expect } from '@playwright/test';
