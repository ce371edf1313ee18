// Finds a Chromium for the end-to-end tests: CHROMIUM_PATH, then Debian's, then Playwright's own.
// Says what to install when there is none, instead of failing somewhere inside Playwright.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', playwrightsOwn()].filter(
    (p): p is string => Boolean(p),
  );
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  throw new Error(
    'Kein Chromium für die End-to-End-Tests gefunden. / No Chromium found for the end-to-end tests.\n' +
      '  Debian/Ubuntu: sudo apt-get install chromium\n' +
      '  or with internet: npx playwright install chromium\n' +
      '  or point CHROMIUM_PATH at a Chromium/Chrome binary.',
  );
}

function playwrightsOwn(): string | null {
  try {
    return chromium.executablePath();
  } catch {
    return null;
  }
}

/** Flags for a headless Chromium on a closed network (see DEVELOPERS notes in README). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];
