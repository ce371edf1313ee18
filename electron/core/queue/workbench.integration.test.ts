// The agent's workbench through the desk gate, against the real reference backend over HTTP,
// with one fake clock for both: retry rules refused in the core, re-claim renews the lease,
// supervisors (only) adjust the rules, and a conflict shows on the detail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBackend } from '../../../backend/server';
import { startBackendForTest } from '../../../backend/testing/test-backend';
import type { Desk } from '../desk';
import { fixedClock } from '../test-support/fixtures';
import { demoDesk } from '../test-support/demo-desk';

const clock = fixedClock('2026-11-25T09:00:00Z');
let backend: RunningBackend;
const desks: Desk[] = [];

beforeAll(async () => {
  backend = await startBackendForTest({ seed: 7, demo: { callbacks: 8, contacts: 3, dpo: 0, equality: 0, sms: 0 }, now: clock });
});
afterAll(async () => {
  await Promise.all(desks.map((d) => d.close()));
  await backend.close();
});

const deskAs = (username: string): Promise<Desk> => demoDesk(desks, backend.url, username, { host: 'cli', now: clock, sync: true });

describe('workbench in the core', () => {
  it('lists callbacks and contacts with their due state; enforces the retry rules', async () => {
    const agent = await deskAs('agent');
    const rows = await agent.invoke('queue.list', {});
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['callback', 'contact']));
    expect(rows.filter((r) => r.kind === 'contact').every((r) => r.due === null)).toBe(true);
    const callback = rows.find((r) => r.kind === 'callback' && r.status === 'open')!;

    // Move the shared clock into the callback's window.
    clock.set(new Date(Date.parse(callback.dueFrom!) + 5 * 60_000).toISOString());
    expect((await agent.invoke('queue.list', {})).find((r) => r.id === callback.id)?.due).toBe('due');

    expect((await agent.invoke('request.claim', { requestId: callback.id })).delivery).toBe('sent');
    const firstLease = (await agent.invoke('request.detail', { requestId: callback.id })).row.leaseUntil!;
    expect((await agent.invoke('request.attempt', { requestId: callback.id, disposition: 'no_answer' })).delivery).toBe('sent');

    const detail = await agent.invoke('request.detail', { requestId: callback.id });
    expect(detail.retry).toMatchObject({ allowed: false, attemptsLeft: 2 });
    expect(detail.retry?.reason).toMatch(/Mindestabstand 30 Minuten/);
    await expect(agent.invoke('request.attempt', { requestId: callback.id, disposition: 'busy' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/frühestens ab/),
    });

    clock.advance(31 * 60_000);
    // A re-claim by the holder renews the lease.
    expect((await agent.invoke('request.claim', { requestId: callback.id })).delivery).toBe('sent');
    const renewed = await agent.invoke('request.detail', { requestId: callback.id });
    expect(Date.parse(renewed.row.leaseUntil!)).toBeGreaterThan(Date.parse(firstLease));
    expect(renewed.personal).not.toBeNull();
    expect((await agent.invoke('request.attempt', { requestId: callback.id, disposition: 'reached' })).delivery).toBe('sent');
    const reached = await agent.invoke('request.detail', { requestId: callback.id });
    expect(reached.attempts.map((a) => a.disposition)).toEqual(['no_answer', 'reached']);
    expect(reached.retry?.reason).toMatch(/Erledigt/);
  });

  it('lets only supervisors adjust the retry rules, within bounds', async () => {
    const agent = await deskAs('agent2');
    await expect(agent.invoke('queue.setRetryRules', { maxAttempts: 5, minGapMinutes: 10 })).rejects.toMatchObject({ code: 'forbidden' });
    const supervisor = await deskAs('supervisor');
    await expect(supervisor.invoke('queue.setRetryRules', { maxAttempts: 9, minGapMinutes: 10 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(supervisor.invoke('queue.setRetryRules', { maxAttempts: 2, minGapMinutes: 5 })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await supervisor.invoke('queue.setRetryRules', { maxAttempts: 2, minGapMinutes: 45 })).toMatchObject({ maxAttempts: 2, minGapMinutes: 45, changedBy: 'Sina Schichtleitung' });
    expect(await supervisor.invoke('queue.retryRules', {})).toMatchObject({ maxAttempts: 2, minGapMinutes: 45 });
  });

  it('shows a claim refused because another workstation holds it, without personal data', async () => {
    const first = await deskAs('agent');
    const second = await deskAs('agent2');
    const open = (await second.invoke('queue.list', {})).find((r) => r.kind === 'contact' && r.status === 'open')!;
    await first.invoke('sync.now', {});
    expect((await first.invoke('request.claim', { requestId: open.id })).delivery).toBe('sent');
    const refused = await second.invoke('request.claim', { requestId: open.id });
    expect(refused).toMatchObject({ delivery: 'rejected', message: expect.stringMatching(/anderen Arbeitsplatz/) });
    const detail = await second.invoke('request.detail', { requestId: open.id });
    expect(detail.personal).toBeNull();
    expect(detail.rejection?.message).toMatch(/anderen Arbeitsplatz/);
    expect(detail.row.status).toBe('claimed_elsewhere');
  });
});
