// The queue in a real Chromium through the web host: time until the first page of a large
// queue is visible, keystroke-to-paint of the queue's search (until the rows answering the typed
// text are painted), and the JS heap, against the same app showing an empty table.
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../electron/core/db/open';
import { STATE_KEYS, writeState } from '../electron/core/db/state';
import { writeSession } from '../electron/core/session/session-state';
import { spawnServer } from './lib/child-process';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/chromium';
import { percentile } from './lib/measure';
import { seedRequests } from './lib/seed';
import { benchDir } from './lib/world';

// Both figures are taken inside the page, on the page's clock: from navigation start and from
// the keydown event's own time stamp, to the moment after the frame that shows the result was
// painted (a task queued from requestAnimationFrame runs after that frame's paint). The browser
// driver's round trips are not part of either.

/** Installed before the app loads: notes when the first row (or the empty state) is painted. */
const FIRST_PAINT_PROBE = `
  window.__bench = {};
  const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid^="queue-row-"], [data-testid="queue-empty"]')) {
      observer.disconnect();
      painted().then(() => { window.__bench.firstPainted = performance.now(); });
    }
  }).observe(document, { subtree: true, childList: true });
  document.addEventListener('keydown', (event) => { window.__bench.keydown = event.timeStamp; }, true);
`;

/** Evaluated once the first row shows: the first paint's time, when that frame has been painted. */
const FIRST_PAINTED = `new Promise((resolve, reject) => {
  const check = () => {
    if (window.__bench.firstPainted) resolve(window.__bench.firstPainted);
    else if (performance.now() > 60000) reject(new Error('the first row was never painted'));
    else requestAnimationFrame(check);
  };
  check();
})`;

/**
 * Evaluated after a keystroke: waits until the table shows the rows for what the search field
 * holds (the core answers asynchronously, so the keystroke's own render is not enough), then for
 * that frame's paint; the milliseconds since the keydown event. Strings, so the bundler's helpers
 * never end up in the page, and evaluated as such by the driver (a polling predicate would be
 * compiled in the page, which the app's CSP forbids).
 */
const KEYSTROKE_TO_PAINT = `new Promise((resolve, reject) => {
  const check = () => {
    const shown = document.querySelector('section.queue')?.getAttribute('data-search-shown');
    const typed = document.getElementById('queue-search')?.value;
    if (shown === typed) requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - window.__bench.keydown), 0));
    else if (performance.now() - window.__bench.keydown > 15000) {
      const error = document.querySelector('[data-testid="queue-error"]')?.textContent ?? 'none';
      reject(new Error('no results after 15 s for "' + typed + '" (shown: "' + shown + '", error: ' + error + ')'));
    } else requestAnimationFrame(check);
  };
  check();
})`;

export interface BrowserQueueResult {
  firstPageMs: number;
  emptyFirstPageMs: number;
  keystrokeP95Ms: number | null;
  heapMb: number;
  emptyHeapMb: number;
}

/** A data directory with `entries` queue rows and a logged-in agent (no backend needed to read). */
function preparedDataDir(entries: number): string {
  const dir = benchDir();
  mkdirSync(dir, { recursive: true });
  const db = openDatabase(path.join(dir, 'servicedesk.sqlite'));
  if (entries > 0) seedRequests(db, entries);
  writeSession(db, {
    user: { id: 'agent', displayName: 'Anna Agentin', roles: ['agent'] },
    backendUrl: 'http://127.0.0.1:9',
    workstation: '00000000-0000-4000-8000-00000000beef',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  // The seeded rows stand for a completed first sync: without it the screens wait for one
  // (FirstSyncGate), and there is no backend here to give it.
  writeState(db, STATE_KEYS.caughtUpAt, new Date().toISOString());
  db.$client.close();
  writeFileSync(path.join(dir, 'session.token'), 'bench', { mode: 0o600 });
  return dir;
}

async function measure(entries: number, withKeystrokes: boolean) {
  // The web host in its own process, as the Electron main process is: the browser driver's work
  // here must not delay the core's answers.
  const web = await spawnServer('electron/webhost/index.ts', [], /\s(http:\/\/127\.0\.0\.1:\d+\S*)/, {
    SERVICEDESK_DATA_DIR: preparedDataDir(entries),
    SERVICEDESK_SYNC_INTERVAL_MS: '0',
  });
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript(FIRST_PAINT_PROBE);
    await page.goto(web.url);
    const ready = entries > 0 ? page.locator('[data-testid^="queue-row-"]').first() : page.getByTestId('queue-empty');
    await ready.waitFor({ state: 'visible', timeout: 60_000 });
    const firstPageMs = Number(await page.evaluate(FIRST_PAINTED));
    let keystrokeP95Ms: number | null = null;
    if (withKeystrokes) {
      // The search field is there with the first rows; typing starts at once.
      const search = page.getByRole('searchbox').first();
      const samples: number[] = [];
      for (const ch of 'abrechnung'.repeat(2)) {
        await search.press(ch);
        samples.push(Number(await page.evaluate(KEYSTROKE_TO_PAINT)));
      }
      if (process.env.BENCH_VERBOSE) console.log(`keystroke → paint (ms): ${samples.map(Math.round).join(' ')}`);
      keystrokeP95Ms = percentile(samples, 95);
    }
    const heapMb = (await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0)) / 1024 / 1024;
    return { firstPageMs, keystrokeP95Ms, heapMb };
  } finally {
    await browser.close();
    await web.stop();
  }
}

export async function benchBrowserQueue(entries: number, _root: string): Promise<BrowserQueueResult> {
  const empty = await measure(0, false);
  const full = await measure(entries, true);
  return { firstPageMs: full.firstPageMs, emptyFirstPageMs: empty.firstPageMs, keystrokeP95Ms: full.keystrokeP95Ms, heapMb: full.heapMb, emptyHeapMb: empty.heapMb };
}
