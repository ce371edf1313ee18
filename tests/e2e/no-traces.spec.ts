// Issue 6, items 7 and 8, in a real Chromium against the web host: a full journey with marker
// values (log in, claim a contact request, read it, close it, sync), then every place that could keep
// personal data is scanned: the data directory, the host's log output, the page's storage, the
// browser profile on disk, and new temp files. None may hold a marker. The message carries HTML
// and script, which must show as text and never run.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { openDesk } from '../../electron/core/desk';
import { filesBelow, scanFiles } from '../../electron/core/retention/raw-scan';
import { claimAnswer, queuedEvent, SCRIPTED_URL, scriptedBackend } from '../../electron/core/test-support/scripted-backend';
import { BRIDGE_FILE, RENDERER_DIR } from '../../electron/webhost/launch';
import { startWebHost } from '../../electron/webhost/server';
import { CHROMIUM_ARGS, findChromium } from './chromium';

const tag = randomBytes(4).toString('hex').toUpperCase();
const MARKERS = {
  name: `Zyprian Markerhuber${tag}`,
  email: `marker.${tag.toLowerCase()}@example.de`,
  subject: `Betreff-Marker-${tag}`,
  text: `Nachricht-Marker-${tag}`,
};
const HOSTILE = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;

// A trace would itself be a copy of the markers (DOM snapshots, network bodies) on disk.
test.use({ trace: 'off' });

/** Files below `dir` changed since `since` (unreadable ones skipped). */
function newFilesBelow(dir: string, since: number, skip: string[]): string[] {
  const out: string[] = [];
  const walk = (at: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(at, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(at, entry.name);
      if (skip.some((s) => full.startsWith(s))) continue;
      try {
        if (entry.isDirectory() && depth < 6) walk(full, depth + 1);
        else if (entry.isFile()) {
          const stat = statSync(full);
          if (stat.mtimeMs >= since && stat.size < 64 * 1024 * 1024) out.push(full);
        }
      } catch {
        // vanished or unreadable: another process's file
      }
    }
  };
  walk(dir, 0);
  return out;
}

test('a full journey leaves no personal data outside the database, and HTML in a message stays text', async () => {
  test.setTimeout(90_000);
  const started = Date.now() - 1000;
  const logged: string[] = [];
  const hook = (stream: NodeJS.WriteStream) => {
    const write = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      logged.push(String(chunk));
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    return () => (stream.write = write);
  };
  const unhook = [hook(process.stdout), hook(process.stderr)];

  const backend = scriptedBackend({ id: 'u-agent', displayName: 'Anna Agentin', roles: ['agent'] });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'servicedesk-traces-'));
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'servicedesk-profile-'));
  const desk = openDesk({
    dataDir,
    host: 'web',
    fetch: backend.fetch,
    defaultBackendUrl: SCRIPTED_URL,
    syncIntervalMs: 500,
    demoUsers: [{ username: 'agent', password: 'agent', displayName: 'Anna Agentin', roles: ['agent'] }],
  });
  desk.start();
  const host = await startWebHost({ core: desk, rendererDir: RENDERER_DIR, bridgeFile: BRIDGE_FILE });
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true, locale: 'de-DE' });
  const consoleLines: string[] = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => consoleLines.push(message.text()));
    const requestId = crypto.randomUUID();
    backend.feed = [queuedEvent('contact', requestId)];
    backend.claimAnswer = (id) => {
      const answer = claimAnswer(id, 'contact', tag);
      const payload = (answer.body as { request: { payload: Record<string, unknown> } }).request.payload;
      Object.assign(payload, { name: MARKERS.name, email: MARKERS.email, subject: `${MARKERS.subject} ${HOSTILE}`, message: `${MARKERS.text}\n${HOSTILE}` });
      return answer;
    };

    await page.goto(host.url);
    await page.getByRole('button', { name: /Anna Agentin/ }).click();
    await expect(page.getByTestId('current-user')).toContainText('Anna Agentin');
    const row = page.getByTestId(`queue-row-${requestId}`);
    await expect(row).toBeVisible();
    await row.click();
    const detail = page.getByTestId('request-detail');
    await detail.getByRole('button', { name: 'Übernehmen' }).click();
    const personal = detail.getByTestId('personal-data');
    await expect(personal).toContainText(MARKERS.name);
    // HTML and script in the message show as the literal text and never run.
    await expect(personal).toContainText(`${MARKERS.text}`);
    await expect(personal).toContainText('<script>window.__xss=2</script>');
    await expect(personal.locator('img, script')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    await detail.getByLabel('Abschlussergebnis').selectOption('resolved');
    await detail.getByRole('button', { name: 'Abschließen' }).click();
    await expect(detail.getByTestId('personal-data')).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText(MARKERS.name);
    await desk.handle('sync.now', {}); // receipts out; the retention sweep has run

    // The page's own storage.
    const storage = await page.evaluate(async () => ({
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      idb: JSON.stringify(await indexedDB.databases()),
      caches: JSON.stringify(await caches.keys()),
      cookies: document.cookie,
    }));
    for (const marker of Object.values(MARKERS)) expect(JSON.stringify(storage)).not.toContain(marker);
  } finally {
    await context.close();
    await host.close();
    await desk.close();
    unhook.forEach((undo) => undo());
  }

  const markers = Object.values(MARKERS);
  // The data directory: database, WAL, token.
  expect(scanFiles(filesBelow(dataDir), markers)).toEqual([]);
  // The browser profile on disk: HTTP cache, Local/Session Storage, IndexedDB, crash reports.
  expect(scanFiles(filesBelow(profileDir), markers)).toEqual([]);
  // Whatever the host or the page logged.
  for (const marker of markers) {
    expect(logged.join('\n')).not.toContain(marker);
    expect(consoleLines.join('\n')).not.toContain(marker);
  }
  // Temp files written meanwhile, by anyone in this process tree.
  const temp = newFilesBelow(os.tmpdir(), started, []);
  expect(temp.length).toBeGreaterThan(0);
  expect(scanFiles(temp, markers)).toEqual([]);
  rmSync(profileDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});
