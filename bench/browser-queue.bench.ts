// The queue in a real Chromium through the web host: time until the first page of a large
// queue is visible, keystroke-to-paint of the queue's search (until the rows answering the typed
// text are painted), and the JS heap, against the same app showing an empty table.
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../electron/core/db/open';
import { writeSession } from '../electron/core/session/session-state';
import { launchWebHost } from '../electron/webhost/launch';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/chromium';
import { percentile } from './lib/measure';
import { seedRequests } from './lib/seed';
import { benchDir } from './lib/world';

/**
 * Runs in the page: resolves once the table shows the rows for what the search field holds (the
 * core answers asynchronously, so the keystroke's own render is not enough) and that frame painted.
 */
function resultsPainted(): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const shown = document.querySelector('section.queue')?.getAttribute('data-search-shown');
      const typed = (document.getElementById('queue-search') as HTMLInputElement | null)?.value;
      if (shown === typed) requestAnimationFrame(() => resolve());
      else requestAnimationFrame(check);
    };
    check();
  });
}

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
  db.$client.close();
  writeFileSync(path.join(dir, 'session.token'), 'bench', { mode: 0o600 });
  return dir;
}

async function measure(entries: number, withKeystrokes: boolean) {
  const web = await launchWebHost({ dataDir: preparedDataDir(entries), syncIntervalMs: 0 });
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const started = Date.now();
    await page.goto(web.host.url);
    const ready = entries > 0 ? page.locator('[data-testid^="queue-row-"]').first() : page.getByTestId('queue-empty');
    await ready.waitFor({ state: 'visible', timeout: 60_000 });
    const firstPageMs = Date.now() - started;
    let keystrokeP95Ms: number | null = null;
    const search = page.getByRole('searchbox').first();
    if (withKeystrokes && (await search.count()) > 0) {
      const samples: number[] = [];
      for (const ch of 'abrechnung'.repeat(2)) {
        const t0 = Date.now();
        await search.press(ch);
        await page.evaluate(resultsPainted);
        samples.push(Date.now() - t0);
      }
      keystrokeP95Ms = percentile(samples, 95);
    }
    const heapMb = (await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0)) / 1024 / 1024;
    return { firstPageMs, keystrokeP95Ms, heapMb };
  } finally {
    await browser.close();
    await web.close();
  }
}

export async function benchBrowserQueue(entries: number, _root: string): Promise<BrowserQueueResult> {
  const empty = await measure(0, false);
  const full = await measure(entries, true);
  return { firstPageMs: full.firstPageMs, emptyFirstPageMs: empty.firstPageMs, keystrokeP95Ms: full.keystrokeP95Ms, heapMb: full.heapMb, emptyHeapMb: empty.heapMb };
}
