// Issue 14: a workstation registers at its first login and keeps the backend's secret in a 0600
// file (CLI, web host); later logins send it. A lost secret costs nothing while the workstation
// holds nothing (it carries on under a new id) and is refused with a German message otherwise.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBackend } from '../../../backend/server';
import { startBackendForTest } from '../../../backend/testing/test-backend';
import { openDesk } from '../desk';
import { tempDir } from '../test-support/fixtures';

let backend: RunningBackend;
beforeAll(async () => {
  backend = await startBackendForTest({ seed: 14, demo: { callbacks: 4, contacts: 0, dpo: 0, equality: 0, sms: 0 } });
});
afterAll(() => backend.close());

const login = { username: 'agent', password: 'agent' };

describe('the workstation secret', () => {
  it('is kept in a file only the user can read and sent with every later login', async () => {
    const dataDir = tempDir();
    const desk = openDesk({ dataDir, host: 'cli' });
    try {
      const first = await desk.invoke('session.login', { backendUrl: backend.url, ...login });
      const file = path.join(dataDir, 'workstation.secret');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ backendUrl: backend.url, workstation: first.workstation, secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
      await desk.invoke('session.logout', {});
      const again = await desk.invoke('session.login', { backendUrl: backend.url, ...login });
      expect(again.workstation).toBe(first.workstation);
    } finally {
      await desk.close();
    }
  });

  it('lost while the workstation holds nothing: the login carries on under a new workstation id', async () => {
    const dataDir = tempDir();
    const desk = openDesk({ dataDir, host: 'cli' });
    try {
      const first = await desk.invoke('session.login', { backendUrl: backend.url, ...login });
      rmSync(path.join(dataDir, 'workstation.secret'));
      const again = await desk.invoke('session.login', { backendUrl: backend.url, ...login });
      expect(again.workstation).not.toBe(first.workstation);
      expect(existsSync(path.join(dataDir, 'workstation.secret'))).toBe(true);
    } finally {
      await desk.close();
    }
  });

  it('lost while the workstation holds a case: refused with a German message, nothing changed', async () => {
    const dataDir = tempDir();
    const desk = openDesk({ dataDir, host: 'cli' });
    try {
      const first = await desk.invoke('session.login', { backendUrl: backend.url, ...login });
      await desk.invoke('sync.now', {});
      const [entry] = await desk.invoke('queue.list', { kinds: ['callback'] });
      await desk.invoke('request.claim', { requestId: entry!.id });
      rmSync(path.join(dataDir, 'workstation.secret'));
      await expect(desk.invoke('session.login', { backendUrl: backend.url, ...login })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/Schlüssel, der hier fehlt/) });
      expect((await desk.invoke('session.current', {}))?.workstation).toBe(first.workstation);
    } finally {
      await desk.close();
    }
  });
});
