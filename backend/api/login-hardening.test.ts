// The review's findings on logins, over real HTTP on both drivers: failed logins throttled per
// user and per client address (successful ones never), a token refused after logout, accounts
// from a users file with their own password hashes.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/sync-api';
import { hashPassword } from '../auth/password-hash';
import { type RunningBackend } from '../server';
import { call, login, startTestBackend, TEST_DRIVERS, type TestClock } from '../test-support';

const PROXY = '127.0.0.1';

/** A login as if from `address` behind the trusted proxy (the test's connections all come from 127.0.0.1). */
async function loginFrom(backend: RunningBackend, address: string, username: string, password: string) {
  const res = await fetch(`${backend.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.99, ${address}` },
    body: JSON.stringify({ username, password, workstation: randomUUID() }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as unknown };
}

describe.each(TEST_DRIVERS)('%s', (driver) => {
  let backend: RunningBackend | undefined;
  let clock: TestClock;
  afterEach(async () => {
    await backend?.close();
    backend = undefined;
  });

  it('throttles failed logins per user with 429 and Retry-After, from any address, until the block ends', async () => {
    ({ backend, clock } = await startTestBackend({ driver, demo: false, trustProxy: PROXY }));
    for (let i = 0; i < 5; i++) expect((await loginFrom(backend, `198.51.100.${i + 1}`, 'agent', 'wrong')).status).toBe(401);
    const blocked = await loginFrom(backend, '198.51.100.77', 'agent', 'agent');
    expect(blocked.status).toBe(429);
    expect(ApiError.parse(blocked.body).error).toBe('rate_limited');
    expect(Number(blocked.retryAfter)).toBeGreaterThanOrEqual(1);
    // Other users are not affected; after the block the right password works again.
    expect((await loginFrom(backend, '198.51.100.77', 'agent2', 'agent2')).status).toBe(200);
    clock.advance(Number(blocked.retryAfter));
    expect((await loginFrom(backend, '198.51.100.77', 'agent', 'agent')).status).toBe(200);
  });

  it('throttles one address trying many usernames, but never many successful logins behind one address', async () => {
    ({ backend, clock } = await startTestBackend({ driver, demo: false, trustProxy: PROXY }));
    const office = '192.0.2.10';
    // Fifty workstations behind the office's address log in: none is slowed.
    for (let i = 0; i < 50; i++) expect((await loginFrom(backend, office, i % 2 ? 'agent' : 'dpo', i % 2 ? 'agent' : 'dpo')).status).toBe(200);
    const attacker = '192.0.2.66';
    for (let i = 0; i < 30; i++) expect((await loginFrom(backend, attacker, `guess${i}`, 'x')).status).toBe(401);
    expect((await loginFrom(backend, attacker, 'supervisor', 'supervisor')).status).toBe(429);
    expect((await loginFrom(backend, office, 'supervisor', 'supervisor')).status).toBe(200);
  });

  it('ignores X-Forwarded-For without a trusted proxy (anyone can write it)', async () => {
    ({ backend, clock } = await startTestBackend({ driver, demo: false }));
    for (let i = 0; i < 30; i++) await loginFrom(backend, `198.51.100.${i + 1}`, `guess${i}`, 'x');
    // All thirty came from 127.0.0.1 as far as the backend can tell: that address is blocked now.
    expect((await loginFrom(backend, '198.51.100.200', 'agent', 'agent')).status).toBe(429);
  });

  it('refuses a token after logout (DELETE /api/v1/session), in this and every other call', async () => {
    ({ backend, clock } = await startTestBackend({ driver, demo: false }));
    const { token } = await login(backend.url, 'agent');
    expect((await call(backend.url, 'GET', '/api/v1/feed', token)).status).toBe(200);
    expect((await call(backend.url, 'DELETE', '/api/v1/session', token)).status).toBe(204);
    const after = await call(backend.url, 'GET', '/api/v1/feed', token);
    expect(after.status).toBe(401);
    expect(ApiError.parse(after.body).error).toBe('unauthorized');
    expect((await call(backend.url, 'POST', '/api/v1/receipts', token, { receipts: [] })).status).toBe(401);
    // Logging out twice, or without a token, changes nothing.
    expect((await call(backend.url, 'DELETE', '/api/v1/session', token)).status).toBe(204);
    expect((await call(backend.url, 'DELETE', '/api/v1/session')).status).toBe(401);
  });

  it('takes its accounts from a users file: hashed passwords at their own cost, the demo users gone', async () => {
    const accounts = [{ username: 'k.weber', displayName: 'Katrin Weber', roles: ['agent' as const], passwordHash: await hashPassword('lang-und-sicher-2026', 11) }];
    ({ backend, clock } = await startTestBackend({ driver, demo: false, accounts }));
    const ok = await call(backend.url, 'POST', '/api/v1/session', undefined, { username: 'k.weber', password: 'lang-und-sicher-2026', workstation: randomUUID() });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ user: { id: 'k.weber', displayName: 'Katrin Weber', roles: ['agent'] } });
    const demo = await call(backend.url, 'POST', '/api/v1/session', undefined, { username: 'agent', password: 'agent', workstation: randomUUID() });
    expect(demo.status).toBe(401);
  });
});
