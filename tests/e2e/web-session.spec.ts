// Issue 12, items 5 and 6 in a real Chromium: the address printed at launch carries a one-time
// code that the page exchanges at once for an HttpOnly, SameSite=Strict cookie and removes from
// the address bar. The code then opens nothing (not in another browser, not from the history);
// no request of the page carries a secret in its URL, and the event stream works without one.
// Every answer carries the isolation headers and a Permissions-Policy Chromium accepts.
import { SECURITY_HEADERS } from '../../electron/webhost/security-headers';
import { expect, test } from './fixtures';

test('the launch code is exchanged once for an HttpOnly cookie; afterwards it opens nothing', async ({ page, world, browser }) => {
  const code = new URLSearchParams(new URL(world.appUrl).hash.slice(1)).get('code')!;
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  const consoleMessages: string[] = [];
  page.on('console', (message) => consoleMessages.push(message.text()));

  const response = await page.goto(world.appUrl);
  await expect(page.getByRole('heading', { name: 'Demo-Zugänge' })).toBeVisible();
  // The code left the address bar at once, and the page's scripts cannot read the session.
  expect(page.url()).not.toContain(code);
  expect(new URL(page.url()).hash).toBe('');
  expect(await page.evaluate(() => document.cookie)).toBe('');
  const cookies = await page.context().cookies();
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/desk', expires: -1 });
  const session = cookies[0]!.value;

  // Item 6: the headers arrive, and Chromium parses the Permissions-Policy without complaint.
  for (const name of ['cross-origin-opener-policy', 'cross-origin-resource-policy', 'permissions-policy']) expect(response?.headers()[name]).toBe(SECURITY_HEADERS[name]);
  expect(await page.evaluate(() => (document as unknown as { featurePolicy?: { allowsFeature(f: string): boolean } }).featurePolicy?.allowsFeature('camera'))).toBe(false);

  // Log in and receive a live event over /desk/events, whose URL carries no secret.
  await page.getByRole('button', { name: /Anna Agentin/ }).click();
  await expect(page.getByTestId('current-user')).toContainText('Anna Agentin');
  const received = page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const api = (window as unknown as { api: { subscribe(listener: (e: { scope: string }) => void): () => void } }).api;
        const off = api.subscribe((event) => {
          off();
          resolve(event.scope);
        });
      }),
  );
  await page.waitForTimeout(300);
  await world.desk.invoke('sync.now', {});
  expect(['queue', 'sync', 'session']).toContain(await received);
  const streams = urls.filter((u) => u.includes('/desk/events'));
  expect(streams.length).toBeGreaterThan(0);
  for (const url of streams) expect(new URL(url).search).toBe('');
  for (const url of urls) {
    expect(url).not.toContain(session);
    // Only the page's own address ever held the code (and it was spent there).
    if (url.includes(code)) expect(url).toBe(world.appUrl);
  }

  // A reload keeps the session (the cookie), without any code.
  await page.reload();
  await expect(page.getByTestId('current-user')).toContainText('Anna Agentin');

  // The same address in another browser profile: the code is spent, nothing is served.
  const other = await browser.newContext();
  try {
    const stranger = await other.newPage();
    await stranger.goto(world.appUrl);
    const verdict = await stranger.evaluate(() =>
      (window as unknown as { api: { invoke(channel: string, input: unknown): Promise<unknown> } }).api.invoke('session.current', {}).then(
        () => 'allowed',
        (error: { code?: string; message?: string }) => `${error.code}: ${error.message}`,
      ),
    );
    expect(verdict).toMatch(/^forbidden: Keine gültige Sitzung/);
    expect(await other.cookies()).toEqual([]);
  } finally {
    await other.close();
  }
  expect(consoleMessages.filter((m) => /Permissions-Policy|Unrecognized feature/i.test(m))).toEqual([]);
});
