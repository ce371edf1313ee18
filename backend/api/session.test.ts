import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, SessionResponse } from '../../shared/sync-api';
import { DEMO_USERS } from '../demo-users';
import { type RunningBackend } from '../server';
import { call, login, startTestBackend, TEST_DRIVERS, type TestClock } from '../test-support';

describe.each(TEST_DRIVERS)('%s', (driver) => {
  let backend: RunningBackend;
  let clock: TestClock;

  beforeAll(async () => {
    ({ backend, clock } = await startTestBackend({ driver, tokenTtlSeconds: 3600 }));
  });
  afterAll(() => backend.close());

  describe('POST /api/v1/session', () => {
    it('logs every demo user in with their roles', async () => {
      for (const user of DEMO_USERS) {
        const answer = await call(backend.url, 'POST', '/api/v1/session', undefined, { username: user.username, password: user.password, workstation: randomUUID() });
        expect(answer.status).toBe(200);
        const session = SessionResponse.parse(answer.body);
        expect(session.user).toEqual({ id: user.username, displayName: user.displayName, roles: user.roles });
        expect(Date.parse(session.expiresAt) - clock.ms).toBe(3600_000);
      }
    });

    it('gives each login its own random token', async () => {
      const a = await login(backend.url, 'agent');
      const b = await login(backend.url, 'agent');
      expect(a.token).not.toBe(b.token);
      expect(a.token.length).toBeGreaterThanOrEqual(40);
    });

    it('refuses a wrong password and an unknown user alike', async () => {
      const wrong = await call(backend.url, 'POST', '/api/v1/session', undefined, { username: 'agent', password: 'nope', workstation: randomUUID() });
      const unknown = await call(backend.url, 'POST', '/api/v1/session', undefined, { username: 'mallory', password: 'agent', workstation: randomUUID() });
      for (const answer of [wrong, unknown]) {
        expect(answer.status).toBe(401);
        expect(ApiError.parse(answer.body).error).toBe('invalid_credentials');
      }
    });

    it('needs a workstation UUID and a JSON body', async () => {
      const noWorkstation = await call(backend.url, 'POST', '/api/v1/session', undefined, { username: 'agent', password: 'agent' });
      expect(noWorkstation.status).toBe(400);
      expect(ApiError.parse(noWorkstation.body)).toMatchObject({ error: 'invalid_request' });
      const badWorkstation = await call(backend.url, 'POST', '/api/v1/session', undefined, { username: 'agent', password: 'agent', workstation: 'pc-17' });
      expect(badWorkstation.status).toBe(400);
      const notJson = await call(backend.url, 'POST', '/api/v1/session', undefined, '{"username": ');
      expect(notJson.status).toBe(400);
      expect(ApiError.parse(notJson.body).error).toBe('invalid_request');
    });
  });

  describe('bearer tokens', () => {
    it('answers 401 unauthorized without a token or with an unknown one', async () => {
      const none = await call(backend.url, 'GET', '/api/v1/feed');
      expect(none.status).toBe(401);
      expect(ApiError.parse(none.body).error).toBe('unauthorized');
      const unknown = await call(backend.url, 'GET', '/api/v1/feed', 'not-a-real-token');
      expect(unknown.status).toBe(401);
      expect(ApiError.parse(unknown.body).error).toBe('unauthorized');
    });

    it('answers 401 token_expired once the token outlived tokenTtlSeconds', async () => {
      const { token } = await login(backend.url, 'agent');
      expect((await call(backend.url, 'GET', '/api/v1/feed', token)).status).toBe(200);
      clock.advance(3599);
      expect((await call(backend.url, 'GET', '/api/v1/feed', token)).status).toBe(200);
      clock.advance(1);
      const expired = await call(backend.url, 'GET', '/api/v1/feed', token);
      expect(expired.status).toBe(401);
      expect(ApiError.parse(expired.body).error).toBe('token_expired');
      const claim = await call(backend.url, 'POST', `/api/v1/requests/${randomUUID()}/claim`, token, { eventId: randomUUID() });
      expect(ApiError.parse(claim.body).error).toBe('token_expired');
      // A fresh login works again.
      const fresh = await login(backend.url, 'agent');
      expect((await call(backend.url, 'GET', '/api/v1/feed', fresh.token)).status).toBe(200);
    });
  });

  describe('workstations (issue 14)', () => {
    it('registers a workstation at its first login and gives it a secret, once', async () => {
      const workstation = randomUUID();
      const first = await call(backend.url, 'POST', '/api/v1/session', undefined, { username: 'agent', password: 'agent', workstation });
      const secret = SessionResponse.parse(first.body).workstationSecret;
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const again = await call(backend.url, 'POST', '/api/v1/session', undefined, { username: 'supervisor', password: 'supervisor', workstation, workstationSecret: secret });
      expect(again.status).toBe(200);
      expect(SessionResponse.parse(again.body).workstationSecret).toBeUndefined();
    });

    it("refuses a login naming another workstation's id without its secret, or with a wrong one", async () => {
      // The forgery of the review: workstation P's id is in every request.claimed event.
      const p = await login(backend.url, 'agent');
      for (const workstationSecret of [undefined, 'A'.repeat(43)]) {
        const forged = await call(backend.url, 'POST', '/api/v1/session', undefined, { username: 'agent2', password: 'agent2', workstation: p.workstation, ...(workstationSecret ? { workstationSecret } : {}) });
        expect(forged.status).toBe(403);
        expect(ApiError.parse(forged.body)).toMatchObject({ error: 'forbidden', reason: 'workstation_secret_required' });
      }
      // P itself still logs in (the helper keeps its secret).
      expect((await login(backend.url, 'agent', p.workstation)).token).toBeTruthy();
    });
  });

  describe('unknown endpoints', () => {
    it('answers 404 not_found and 405 for a known path with the wrong method', async () => {
      const missing = await call(backend.url, 'GET', '/api/v1/nothing');
      expect(missing.status).toBe(404);
      expect(ApiError.parse(missing.body).error).toBe('not_found');
      const wrongMethod = await call(backend.url, 'GET', '/api/v1/session');
      expect(wrongMethod.status).toBe(405);
    });
  });
});
