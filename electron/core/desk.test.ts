// The desk's gate: every call is checked against the contract and the caller's roles, whatever the host.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBackend } from '../../backend/server';
import { startBackendForTest } from '../../backend/testing/test-backend';
import { openDesk, type Desk } from './desk';
import { DeskError } from './desk-error';
import { tempDir } from './test-support/fixtures';

let backend: RunningBackend;
const desks: Desk[] = [];
beforeAll(async () => {
  backend = await startBackendForTest({ seed: 5, demo: { callbacks: 3, contacts: 1, dpo: 1, equality: 1, sms: 10 } });
});
afterAll(async () => {
  await Promise.all(desks.map((d) => d.close()));
  await backend.close();
});

function freshDesk(): Desk {
  const desk = openDesk({ dataDir: tempDir(), host: 'web' });
  desks.push(desk);
  return desk;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    expect(error).toBeInstanceOf(DeskError);
    return (error as DeskError).code;
  }
}

describe('desk gate', () => {
  it('refuses unknown channels and malformed input with German messages, before any handler runs', async () => {
    const desk = freshDesk();
    await expect(desk.handle('queue.drop', {})).rejects.toThrow(/Unbekannter Kanal/);
    await expect(desk.handle('session.login', { backendUrl: 'file:///etc/passwd', username: 'a', password: 'b' })).rejects.toThrow(/Backend-Adresse/);
    await expect(desk.handle('request.claim', { requestId: 'x', extra: 1 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(desk.handle('request.claim', { requestId: 'not-a-uuid' })).rejects.toThrow(/Ungültige Eingabe: /);
  });

  it('refuses a backend on the network over plain http (passwords and personal data travel there), saying why', async () => {
    const desk = freshDesk();
    for (const backendUrl of ['http://backend.stadtwerke.example', 'http://10.0.0.5:8787', 'http://[2001:db8::1]:8787']) {
      await expect(desk.handle('session.login', { backendUrl, username: 'agent', password: 'agent' })).rejects.toThrow(/nur über https:\/\//);
    }
    // This machine over http, and anything over https, are fine as addresses.
    for (const backendUrl of ['http://localhost:9', 'http://127.0.0.2:9', 'http://[::1]:9', 'https://backend.stadtwerke.example:9']) {
      expect(await codeOf(desk.handle('session.login', { backendUrl, username: 'agent', password: 'agent' }))).toBe('backend_unreachable');
    }
  });

  it('logging out revokes the token at the backend: a copy of it is refused afterwards', async () => {
    const desk = freshDesk();
    await desk.handle('session.login', { backendUrl: backend.url, username: 'agent', password: 'agent' });
    const token = readFileSync(path.join(desk.dataDir, 'session.token'), 'utf8').trim();
    const feed = () => fetch(`${backend.url}/api/v1/feed`, { headers: { authorization: `Bearer ${token}` } });
    expect((await feed()).status).toBe(200);
    await desk.handle('session.logout', {});
    expect((await feed()).status).toBe(401);
    expect(await desk.handle('session.current', {})).toBeNull();
  });

  it('needs a login for everything but the public channels', async () => {
    const desk = freshDesk();
    expect(await desk.handle('session.current', {})).toBeNull();
    expect(await codeOf(desk.handle('queue.list', {}))).toBe('not_logged_in');
    expect(await codeOf(desk.handle('sync.now', {}))).toBe('not_logged_in');
  });

  it('wrong password and unreachable backend get distinct, clear errors', async () => {
    const desk = freshDesk();
    await expect(desk.handle('session.login', { backendUrl: backend.url, username: 'agent', password: 'nope' })).rejects.toMatchObject({
      code: 'invalid_credentials',
      message: 'Benutzername oder Passwort ist falsch.',
    });
    await expect(desk.handle('session.login', { backendUrl: 'http://127.0.0.1:9', username: 'agent', password: 'agent' })).rejects.toMatchObject({
      code: 'backend_unreachable',
    });
  });

  it('checks roles in the core: an agent may not look up SMS, a supervisor may not claim', async () => {
    const agent = freshDesk();
    await agent.invoke('session.login', { backendUrl: backend.url, username: 'agent', password: 'agent' });
    expect(await codeOf(agent.handle('sms.lookup', { customerNumber: '123', caseRef: 'AZ-1', purpose: 'Prüfung' }))).toBe('forbidden');

    const supervisor = freshDesk();
    await supervisor.invoke('session.login', { backendUrl: backend.url, username: 'supervisor', password: 'supervisor' });
    await supervisor.invoke('sync.now', {});
    const [row] = await supervisor.invoke('queue.list', {});
    expect(await codeOf(supervisor.handle('request.claim', { requestId: row!.id }))).toBe('forbidden');
    expect((await supervisor.invoke('request.detail', { requestId: row!.id })).personal).toBeNull();
  });
});
