// Issue 12, item 6: every answer of the web host, whatever the path, method or status, carries
// the isolation headers (COOP, CORP), the Permissions-Policy and the CSP. Real HTTP, real core.
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../core/desk';
import { tempDir } from '../core/test-support/fixtures';
import { EVENTS_PATH, INVOKE_PATH } from './protocol';
import { SECURITY_HEADERS } from './security-headers';
import { startWebHost, type RunningWebHost } from './server';

let desk: Desk;
let host: RunningWebHost;

beforeAll(async () => {
  desk = openDesk({ dataDir: tempDir(), host: 'web' });
  const rendererDir = tempDir();
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  writeFileSync(path.join(rendererDir, 'app.js'), 'void 0;');
  host = await startWebHost({ core: desk, rendererDir, bridgeFile: path.join(rendererDir, 'app.js') });
});
afterAll(async () => {
  await host.close();
  await desk.close();
});

/** One request with node:http (fetch may not set Host); resolves with status and headers. */
function request(method: string, pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  const { hostname, port } = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, method, path: pathname, headers }, (res) => {
      res.resume();
      // The event stream stays open: its headers are all we need.
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
      req.destroy();
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '{"channel":"session.current","input":{}}' : undefined);
  });
}

describe('web host security headers', () => {
  it('are on every answer: pages, scripts, API, refusals, errors, wrong host', async () => {
    const calls: [string, string, Record<string, string>?][] = [
      ['GET', '/'],
      ['GET', '/index.html'],
      ['GET', '/desk-bridge.js'],
      ['GET', '/app.js'],
      ['GET', '/missing.css'],
      ['GET', '/../../etc/passwd'],
      ['PUT', '/'],
      ['GET', INVOKE_PATH],
      ['POST', INVOKE_PATH, { 'content-type': 'application/json' }],
      ['GET', EVENTS_PATH],
      ['GET', '/', { host: 'evil.example:80' }],
    ];
    const statuses = new Set<number>();
    for (const [method, pathname, headers] of calls) {
      const answer = await request(method, pathname, headers);
      statuses.add(answer.status);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(answer.headers[name], `${method} ${pathname}: ${name}`).toBe(value);
    }
    // The list covered successes and every kind of refusal.
    expect([...statuses].sort()).toEqual([200, 403, 404, 405, 421]);
  });

  it('isolate the window and the resources from other origins, and switch unused features off', () => {
    expect(SECURITY_HEADERS['cross-origin-opener-policy']).toBe('same-origin');
    expect(SECURITY_HEADERS['cross-origin-resource-policy']).toBe('same-origin');
    const policy = SECURITY_HEADERS['permissions-policy']!;
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'clipboard-read']) expect(policy).toContain(`${feature}=()`);
  });
});
