// Issue 12, item 5 at the web host, over real HTTP: the printed address carries a one-time launch
// code, exchanged for an HttpOnly, SameSite=Strict session cookie; after that the code opens
// nothing. Calls need the cookie, our origin and the custom header; the event stream needs the
// cookie and no secret in its URL. (In Chromium: tests/e2e/web-session.spec.ts.)
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../core/desk';
import { tempDir } from '../core/test-support/fixtures';
import { CODE_HEADER, EVENTS_PATH, INVOKE_PATH, REQUEST_HEADER, SESSION_PATH } from './protocol';
import { startWebHost, type RunningWebHost } from './server';
import { launchCodeOf, pageSession } from './test-support';

const running: { desk: Desk; host: RunningWebHost }[] = [];
afterEach(async () => {
  for (const { desk, host } of running.splice(0)) {
    await host.close();
    await desk.close();
  }
});

async function start() {
  const desk = openDesk({ dataDir: tempDir(), host: 'web' });
  const host = await startWebHost({ core: desk, rendererDir: tempDir(), bridgeFile: '/nonexistent' });
  running.push({ desk, host });
  return host;
}

const call = (host: RunningWebHost, headers: Record<string, string>) =>
  fetch(`${host.origin}${INVOKE_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ channel: 'session.current', input: {} }) });

const exchange = (host: RunningWebHost, code: string, headers: Record<string, string> = {}) =>
  fetch(`${host.origin}${SESSION_PATH}`, { method: 'POST', headers: { [CODE_HEADER]: code, [REQUEST_HEADER]: '1', ...headers } });

/** Status and content type of GET /desk/events (the stream stays open; its head is enough). */
function events(host: RunningWebHost, pathAndQuery: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${host.origin}${pathAndQuery}`, { headers }, (res) => {
      resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']) });
      req.destroy();
    });
    req.on('error', reject);
  });
}

describe('web host session', () => {
  it('the launch code is exchanged once for an HttpOnly, SameSite=Strict session cookie', async () => {
    const host = await start();
    const code = launchCodeOf(host);
    expect(code.length).toBeGreaterThanOrEqual(40);
    const first = await exchange(host, code);
    expect(first.status).toBe(200);
    const setCookie = first.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Path=\/desk/);
    expect(setCookie).not.toMatch(/Max-Age|Expires/); // gone with the browser session
    // The session is not derived from the code, and the address holds only the code.
    const session = setCookie.split(';')[0]!.split('=')[1]!;
    expect(host.url).not.toContain(session);

    // Spent: the same address in another browser (no cookie) gets nothing.
    expect((await exchange(host, code)).status).toBe(403);
    expect((await exchange(host, 'geraten')).status).toBe(403);
  });

  it('calls need the cookie, the custom header and our origin', async () => {
    const host = await start();
    const session = await pageSession(host);
    expect((await call(host, session)).status).toBe(200);
    expect((await call(host, {})).status).toBe(403);
    expect((await call(host, { [REQUEST_HEADER]: '1' })).status).toBe(403);
    expect((await call(host, { cookie: session.cookie! })).status).toBe(403);
    expect((await call(host, { ...session, origin: 'http://127.0.0.1:9' })).status).toBe(403);
    expect((await call(host, { ...session, 'sec-fetch-site': 'same-site' })).status).toBe(403);
    const refused = (await (await call(host, {})).json()) as { error: { message: string } };
    expect(refused.error.message).toMatch(/Keine gültige Sitzung/);
  });

  it('the event stream works with the cookie alone, with no secret in its URL', async () => {
    const host = await start();
    const session = await pageSession(host);
    expect(await events(host, EVENTS_PATH, { cookie: session.cookie! })).toEqual({ status: 200, type: 'text/event-stream' });
    expect((await events(host, EVENTS_PATH)).status).toBe(403);
    expect((await events(host, `${EVENTS_PATH}?secret=${launchCodeOf(host)}`)).status).toBe(403);
    expect((await events(host, EVENTS_PATH, { cookie: session.cookie!, origin: 'http://evil.example' })).status).toBe(403);
  });
});
