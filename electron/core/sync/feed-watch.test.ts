// An open workstation shows a new form within seconds through the long poll alone (no periodic
// sync), and a server that does not wait (version 1) is polled every few seconds, not hammered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBackend } from '../../../backend/server';
import { startBackendForTest } from '../../../backend/testing/test-backend';
import { openDesk, type Desk } from '../desk';
import { tempDir } from '../test-support/fixtures';

let backend: RunningBackend;
const desks: Desk[] = [];
beforeAll(async () => {
  backend = await startBackendForTest({ demo: { callbacks: 3 } });
});
afterAll(async () => {
  await Promise.all(desks.map((d) => d.close()));
  await backend.close();
});

const consent = () => ({ noticeVersion: '2026-11', at: new Date().toISOString() });

describe('waiting for news', () => {
  it('a form sent to the website is on the open workstation within seconds, with no periodic sync', async () => {
    const desk = openDesk({ dataDir: tempDir(), host: 'web', syncIntervalMs: 0 });
    desks.push(desk);
    await desk.invoke('session.login', { backendUrl: backend.url, username: 'agent', password: 'agent' });
    await desk.invoke('sync.now', {});
    desk.start();
    // Let the watch start waiting, then the form arrives.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const res = await fetch(`${backend.url}/api/v1/intake/contact`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ salutation: null, name: 'Ida Yıldız', email: 'ida@example.de', category: 'billing', subject: 'Abschlag', message: 'Bitte prüfen.', consent: consent() }),
    });
    const { id, reference } = (await res.json()) as { id: string; reference: string };
    await expect.poll(async () => (await desk.invoke('queue.list', {})).some((r) => r.id === id), { timeout: 10_000, interval: 100 }).toBe(true);
    expect(reference).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });

  it('a poll held across a user switch never syncs with the previous user`s token (which would end the new session)', async () => {
    const desk = openDesk({ dataDir: tempDir(), host: 'web', syncIntervalMs: 0 });
    desks.push(desk);
    await desk.invoke('session.login', { backendUrl: backend.url, username: 'dpo', password: 'dpo' });
    await desk.invoke('sync.now', {});
    desk.start();
    await new Promise((resolve) => setTimeout(resolve, 500)); // the DPO's poll is waiting now
    await desk.invoke('session.logout', {});
    await desk.invoke('session.login', { backendUrl: backend.url, username: 'supervisor', password: 'supervisor' });
    // News for the DPO's audience wakes her poll.
    await fetch(`${backend.url}/api/v1/intake/dpo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ salutation: null, name: 'Ida Yıldız', email: 'ida@example.de', category: 'other', subject: 'Auskunft', message: 'Bitte Auskunft.', consent: consent() }),
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await desk.invoke('session.current', {})).toMatchObject({ user: { id: 'supervisor' } });
  });

  it('polls a server that answers at once every few seconds instead of in a loop', async () => {
    let calls = 0;
    const impatient: typeof fetch = async (input) => {
      if (String(input).includes('wait=')) calls++;
      if (String(input).endsWith('/api/v1/session')) {
        return new Response(JSON.stringify({ token: 't', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user: { id: 'agent', displayName: 'Anna Agentin', roles: ['agent'] } }), { status: 200 });
      }
      return new Response(JSON.stringify({ events: [], cursor: 'c', hasMore: false }), { status: 200 });
    };
    const desk = openDesk({ dataDir: tempDir(), host: 'web', syncIntervalMs: 0, fetch: impatient });
    desks.push(desk);
    await desk.invoke('session.login', { backendUrl: 'https://v1.backend.invalid', username: 'agent', password: 'agent' });
    desk.start();
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThanOrEqual(3);
  });
});
