import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../shared/sync-api';
import { DEFAULT_DEMO, InsecureListenError, startBackend, type RunningBackend } from './server';
import { admin, call, login, pullAll, queuedOf, TEST_DRIVERS } from './test-support';
import { startBackendForTest, testDatabaseOptions } from './testing/test-backend';

let backend: RunningBackend | undefined;

function statusWithHost(b: RunningBackend, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${b.url}${path}`, { headers: { host, authorization: `Bearer ${b.adminToken}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}
afterEach(async () => {
  await backend?.close();
  backend = undefined;
});

describe.each(TEST_DRIVERS)('startBackend on %s', (driver) => {
  it('seeds the default demo data into an empty database, and nothing into one that holds data', async () => {
    const { database, drop } = await testDatabaseOptions(driver);
    try {
      backend = await startBackendForTest({ database });
      expect(backend.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(backend.seededDemo).toBe(true);
      const stats = await backend.stats();
      expect(stats.requests).toMatchObject({ callback: DEFAULT_DEMO.callbacks, contact: DEFAULT_DEMO.contacts, dpo: DEFAULT_DEMO.dpo, equality: DEFAULT_DEMO.equality });
      expect(stats.sms.records).toBe(DEFAULT_DEMO.sms);
      if (driver === 'pglite') return; // a memory database does not outlive its process
      await backend.close();
      backend = await startBackendForTest({ database });
      expect(backend.seededDemo).toBe(false);
      expect((await backend.stats()).requests.total).toBe(stats.requests.total);
    } finally {
      await backend?.close();
      backend = undefined;
      await drop();
    }
  });

  it('keeps generating arrivals in the background when asked to', async () => {
    backend = await startBackendForTest({ driver, demo: { callbacks: 1 }, arrivalsPerMinute: 1200 });
    const before = (await backend.stats()).requests.total;
    await expect.poll(async () => (await backend!.stats()).requests.total, { timeout: 10_000 }).toBeGreaterThan(before + 2);
    const stats = await backend.stats();
    expect(stats.sms.records).toBe((stats.requests.total - before) * 3);
  });

  it('adds data through /__admin/generate with the admin token, visible in the feed', async () => {
    backend = await startBackendForTest({ driver, demo: false });
    const answer = await admin(backend, 'POST', '/__admin/generate', { callbacks: 4, equality: 2, sms: 10 });
    expect(answer.status).toBe(200);
    const { token } = await login(backend.url, 'supervisor');
    const { events } = await pullAll(backend.url, token);
    expect(queuedOf(events)).toHaveLength(6);
    expect(events.filter((e) => e.type === 'sms.logged')).toHaveLength(10);
    expect((await admin(backend, 'POST', '/__admin/generate', { callbacks: -1 })).status).toBe(400);
  });

  it('refuses admin calls without the token, for another Host, or without a JSON body type', async () => {
    backend = await startBackendForTest({ driver, demo: false });
    expect((await call(backend.url, 'GET', '/__admin/stats')).status).toBe(401);
    expect((await call(backend.url, 'GET', '/__admin/stats', 'not-the-token')).status).toBe(401);
    // fetch may not set Host; a DNS-rebound page's request carries the attacker's name there.
    expect(await statusWithHost(backend, '/__admin/stats', 'evil.example:80')).toBe(403);
    expect(await statusWithHost(backend, '/__admin/stats', new URL(backend.url).host)).toBe(200);
    const form = await fetch(`${backend.url}/__admin/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${backend.adminToken}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'callbacks=5',
    });
    expect(form.status).toBe(400);
    expect((await admin(backend, 'GET', '/__admin/stats')).status).toBe(200);
  });

  it('answers 413 at once to a body over its limit (without reading it), and can be closed twice', async () => {
    backend = await startBackendForTest({ driver, demo: false });
    const huge = JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'y', workstation: 'z' });
    const answer = await call(backend.url, 'POST', '/api/v1/session', undefined, huge);
    expect(answer.status).toBe(413);
    expect(ApiError.parse(answer.body).error).toBe('too_large');
    await backend.close();
    await backend.close();
  });

  it('writes one line per refused request, without query strings', async () => {
    const lines: string[] = [];
    backend = await startBackendForTest({ driver, demo: false, log: (line) => lines.push(line) });
    await call(backend.url, 'GET', '/api/v1/feed?cursor=secret-cursor');
    await call(backend.url, 'GET', '/nowhere');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/refused 401 unauthorized GET \/api\/v1\/feed$/);
    expect(lines.join('\n')).not.toContain('secret-cursor');
  });
});

describe('listening', () => {
  it('refuses a host other than loopback without --insecure-http (TLS belongs in front)', async () => {
    await expect(startBackend({ host: '0.0.0.0', database: { memory: true } })).rejects.toBeInstanceOf(InsecureListenError);
  });
});
