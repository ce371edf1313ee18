// Issue 6, item 4: an expired token asks for a new login and loses nothing: the outbox stays and
// goes out after the same user logs in again; the token file is removed, the session row kept.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../desk';
import { readSession } from '../session/session-state';
import { deskStatus } from '../status';
import { claimAnswer, queuedEvent, SCRIPTED_URL, scriptedBackend } from '../test-support/scripted-backend';
import { tempDir } from '../test-support/fixtures';

const desks: Desk[] = [];
afterEach(async () => {
  await Promise.all(desks.map((d) => d.close()));
  desks.length = 0;
});

describe('an expired session', () => {
  it('asks for login again, keeps the outbox, and sends it once after the new login', async () => {
    const backend = scriptedBackend({ id: 'u-agent', displayName: 'Anna Agentin', roles: ['agent'] });
    const dataDir = tempDir();
    const desk = openDesk({ dataDir, host: 'cli', fetch: backend.fetch });
    desks.push(desk);
    const tokenFile = path.join(dataDir, 'session.token');
    await desk.invoke('session.login', { backendUrl: SCRIPTED_URL, username: 'agent', password: 'agent' });
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    const id = randomUUID();
    backend.feed = [queuedEvent('callback', id)];
    await desk.invoke('sync.now', {});

    // The token expires; the claim is queued (the backend answers 401).
    backend.expired = true;
    backend.claimAnswer = (requested) => claimAnswer(requested, 'callback', 'EXPIRY');
    await expect(desk.invoke('request.claim', { requestId: id })).rejects.toMatchObject({
      code: 'session_expired',
      message: expect.stringMatching(/erneut anmelden; nicht übertragene Aktionen bleiben erhalten/),
    });
    expect(existsSync(tokenFile)).toBe(false);
    await expect(desk.invoke('sync.now', {})).rejects.toMatchObject({ code: 'not_logged_in' });
    expect(deskStatus(desk.db).pendingEvents).toBe(1);
    // Without a token, everything but the public channels asks for login.
    await expect(desk.invoke('queue.list', {})).rejects.toMatchObject({ code: 'not_logged_in' });
    // The login screen shows (no current session), but who was logged in is kept for the re-login.
    expect(await desk.invoke('session.current', {})).toBeNull();
    expect(readSession(desk.db)?.user.id).toBe('u-agent');

    // Same user logs in again: the claim goes out exactly once and its data arrives.
    backend.expired = false;
    const claimsBefore = backend.calls.filter((c) => c.path.endsWith('/claim')).length;
    await desk.invoke('session.login', { backendUrl: SCRIPTED_URL, username: 'agent', password: 'agent' });
    const report = await desk.invoke('sync.now', {});
    expect(report.pushed).toBe(1);
    expect(deskStatus(desk.db)).toMatchObject({ pendingEvents: 0, withPersonalData: 1 });
    const claims = backend.calls.filter((c) => c.path.endsWith('/claim'));
    expect(claims.length - claimsBefore).toBe(1);
    // Every claim try carried the same idempotency key.
    expect(new Set(claims.map((c) => (c.body as { eventId: string }).eventId)).size).toBe(1);
  });
});
