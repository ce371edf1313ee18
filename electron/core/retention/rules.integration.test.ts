// Issue 16, point 1: the rules in force are the backend's, and every workstation applies them.
// Three desks on their own data directories against one real backend over HTTP: the supervisor
// tightens the callback expiry and the retry rules on her PC; after one sync the agent's PC shows
// the same open callbacks, has expired the same ones and limits attempts alike; the dry run on a
// third PC, before it synced, already equals what was purged. A loosening or out-of-limit change
// is refused and audited (at the desk and at the backend); offline nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../../backend/test-support';
import { type RunningBackend } from '../../../backend/server';
import { ruleChanges } from '../../../backend/db/schema';
import { startBackendForTest } from '../../../backend/testing/test-backend';
import { openDesk, type Desk } from '../desk';
import { demoDesk } from '../test-support/demo-desk';
import { fixedClock, tempDir } from '../test-support/fixtures';

// Any date works: backend and desks share this clock, and the demo data is made relative to it.
const clock = fixedClock('2026-11-24T09:15:00.000Z');
let backend: RunningBackend;
const desks: Desk[] = [];

beforeAll(async () => {
  backend = await startBackendForTest({ seed: 7, demo: { callbacks: 6, contacts: 2, dpo: 0, equality: 0, sms: 0 }, now: clock });
});
afterAll(async () => {
  await Promise.all(desks.map((d) => d.close()));
  await backend.close();
});

const deskFor = (username: string): Promise<Desk> => demoDesk(desks, backend.url, username, { sync: true, now: clock });
const openCallbacks = async (desk: Desk) => (await desk.invoke('queue.list', { kinds: ['callback'], statuses: ['open'] })).map((r) => r.id).sort();
const auditActions = async (desk: Desk) => (await desk.invoke('audit.list', {})).entries.map((e) => e.action);

describe('rules in force across workstations', () => {
  it('a supervisor tightens on her PC; after one sync every PC applies the same rules and purges the same callbacks', async () => {
    const supervisor = await deskFor('supervisor');
    const agent = await deskFor('agent');
    const lead = await deskFor('lead'); // agent + supervisor on a third PC
    const before = await openCallbacks(agent);
    expect(before).toHaveLength(6);
    expect(await openCallbacks(supervisor)).toEqual(before);

    // What tightening the expiry to 0 days would do: the callbacks whose day has come.
    const preview = await supervisor.invoke('retention.dryRun', { change: { key: 'callback_expiry', period: 0 } });
    const expiring = preview.requests.filter((r) => r.rule === 'callback_expired').map((r) => r.id).sort();
    expect(expiring.length).toBeGreaterThan(0);
    expect(expiring.length).toBeLessThan(6);

    const rules = await supervisor.invoke('retention.changeRule', { key: 'callback_expiry', period: 0 });
    expect(rules.find((r) => r.key === 'callback_expiry')).toMatchObject({ period: 0, updatedBy: 'Sina Schichtleitung', updatedAt: clock().toISOString() });
    const remaining = before.filter((id) => !expiring.includes(id));
    expect(await openCallbacks(supervisor)).toEqual(remaining);
    expect(await agent.invoke('queue.retryRules', {})).toEqual({ maxAttempts: 3, minGapMinutes: 30 });
    await supervisor.invoke('queue.setRetryRules', { maxAttempts: 2, minGapMinutes: 60 });

    // The third PC has not synced: its dry run fetches the rules in force and shows exactly that purge.
    const leadDryRun = await lead.invoke('retention.dryRun', { change: null });
    expect(leadDryRun.requests.filter((r) => r.rule === 'callback_expired').map((r) => r.id).sort()).toEqual(expiring);

    // The agent's PC: still the old rules until it syncs, then the same as everywhere.
    expect(await openCallbacks(agent)).toEqual(before);
    const report = await agent.invoke('sync.now', {});
    expect(report.purged).toBeGreaterThanOrEqual(expiring.length);
    expect(await openCallbacks(agent)).toEqual(remaining);
    expect((await agent.invoke('retention.rules', {})).find((r) => r.key === 'callback_expiry')).toMatchObject({ period: 0, updatedBy: 'Sina Schichtleitung' });
    expect(await agent.invoke('queue.retryRules', {})).toEqual({ maxAttempts: 2, minGapMinutes: 60, changedBy: 'Sina Schichtleitung', changedAt: clock().toISOString() });

    await lead.invoke('sync.now', {});
    expect(await openCallbacks(lead)).toEqual(remaining);

    // The origin agrees: the backend's own expiry now works with 0 days and closes the same callbacks.
    await backend.runPeriodicWork();
    await supervisor.invoke('sync.now', {});
    await agent.invoke('sync.now', {});
    expect(await openCallbacks(agent)).toEqual(remaining);
    expect(await openCallbacks(supervisor)).toEqual(remaining);
  });

  it('refuses a loosening or an out-of-limit change, audited at the desk and at the backend; rules stay as they were', async () => {
    const supervisor = await deskFor('supervisor');
    const rulesBefore = await supervisor.invoke('retention.rules', {});
    await expect(supervisor.invoke('retention.changeRule', { key: 'retention_proof', period: 4 })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('höchstens 3 Jahre') });
    await expect(supervisor.invoke('queue.setRetryRules', { maxAttempts: 9, minGapMinutes: 30 })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await supervisor.invoke('retention.rules', {})).toEqual(rulesBefore);
    expect(await auditActions(supervisor)).toContain('rule.change_refused');

    // The same loosening sent to the backend directly (a modified desk) is refused and recorded there.
    const { token, workstation } = await login(backend.url, 'supervisor');
    const answer = await fetch(`${backend.url}/api/v1/rules`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ rule: 'retention', key: 'callback_expiry', period: 15 }),
    });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: 'invalid_request', reason: 'rule_limit', detail: expect.stringContaining('höchstens 14 Tage') });
    const refused = (await backend.database.db.select().from(ruleChanges)).filter((r) => r.outcome === 'refused');
    expect(refused).toEqual([expect.objectContaining({ userId: 'supervisor', workstation, reason: 'limit', change: { rule: 'retention', key: 'callback_expiry', period: 15 } })]);

    // An agent's desk refuses before asking (the role), so nothing reaches the backend.
    const agent = await deskFor('agent2');
    await expect(agent.invoke('retention.changeRule', { key: 'retention_proof', period: 1 })).rejects.toMatchObject({ code: 'forbidden' });
    await agent.invoke('sync.now', {});
    expect((await agent.invoke('retention.rules', {})).find((r) => r.key === 'retention_proof')).toMatchObject({ period: 3, updatedBy: null });
  });

  it('offline, a rule change is refused with a German message and nothing changes on this PC', async () => {
    let offline = false;
    const desk = openDesk({ dataDir: tempDir(), host: 'web', now: clock, fetch: (input, init) => (offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)) });
    desks.push(desk);
    await desk.invoke('session.login', { backendUrl: backend.url, username: 'supervisor', password: 'supervisor' });
    await desk.invoke('sync.now', {});
    const rulesBefore = await desk.invoke('retention.rules', {});
    const retryBefore = await desk.invoke('queue.retryRules', {});
    offline = true;
    await expect(desk.invoke('retention.changeRule', { key: 'retention_proof', period: 1 })).rejects.toMatchObject({ code: 'backend_unreachable', message: expect.stringMatching(/Keine Verbindung.*Es wurde nichts geändert/) });
    await expect(desk.invoke('queue.setRetryRules', { maxAttempts: 1, minGapMinutes: 120 })).rejects.toMatchObject({ code: 'backend_unreachable' });
    expect(await desk.invoke('retention.rules', {})).toEqual(rulesBefore);
    expect(await desk.invoke('queue.retryRules', {})).toEqual(retryBefore);
  });
});
