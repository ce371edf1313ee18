// Issue 16, item 5, through the desks: the supervisor sees the service center's workstations from
// the backend on her own PC and retires an agent's lost one. That PC can no longer log in; the
// case it held is back in the queue for the colleagues; the proof it owed reaches the supervisor's
// Löschprotokoll as "workstation_retired", not as a deletion, and not as overdue either.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBackend } from '../../../backend/server';
import { startBackendForTest } from '../../../backend/testing/test-backend';
import type { Desk } from '../desk';
import { demoDesk } from '../test-support/demo-desk';

let backend: RunningBackend;
const desks: Desk[] = [];
beforeAll(async () => {
  backend = await startBackendForTest({ seed: 21, demo: { callbacks: 4, contacts: 1, dpo: 1, equality: 1, sms: 3 } });
});
afterAll(async () => {
  await Promise.all(desks.map((d) => d.close()));
  await backend.close();
});

function remoteRules(desk: Desk, requestId: string): string[] {
  const db = new Database(path.join(desk.dataDir, 'servicedesk.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT rule FROM remote_receipts WHERE subject = ?').all(requestId) as { rule: string }[]).map((r) => r.rule);
  } finally {
    db.close();
  }
}

describe('retiring a workstation from the supervisor’s own PC', () => {
  it('lists every PC with what it holds, retires the lost one, and every desk learns the consequences', async () => {
    const lost = await demoDesk(desks, backend.url, 'agent', { sync: true });
    const colleague = await demoDesk(desks, backend.url, 'agent2', { sync: true });
    const [open] = await lost.invoke('queue.list', { kinds: ['callback'], statuses: ['open'] });
    await lost.invoke('request.claim', { requestId: open!.id });
    const lostId = (await lost.invoke('session.current', {}))!.workstation;

    const supervisor = await demoDesk(desks, backend.url, 'supervisor', { sync: true });
    const own = (await supervisor.invoke('session.current', {}))!.workstation;
    const listed = await supervisor.invoke('workstations.list', {});
    expect(listed.find((w) => w.id === lostId)).toMatchObject({ holding: 1, missingReceipts: 0, retired: null, thisOne: false });
    expect(listed.find((w) => w.id === own)).toMatchObject({ thisOne: true });

    await expect(supervisor.invoke('workstations.retire', { workstation: own, reason: 'Versehen' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(supervisor.invoke('workstations.retire', { workstation: lostId, reason: 'kurz' })).rejects.toMatchObject({ code: 'invalid_input' });
    const result = await supervisor.invoke('workstations.retire', { workstation: lostId, reason: 'Notebook im Zug verloren' });
    expect(result).toMatchObject({ recordedAsRetired: 1, released: 1, workstation: { retired: { by: { displayName: 'Sina Schichtleitung' }, reason: 'Notebook im Zug verloren' } } });
    await expect(supervisor.invoke('workstations.retire', { workstation: lostId, reason: 'Notebook im Zug verloren' })).rejects.toMatchObject({ code: 'conflict' });

    // The lost PC, should it turn up: its session is over and it cannot log in again.
    await lost.invoke('session.logout', {});
    await expect(lost.invoke('session.login', { backendUrl: backend.url, username: 'agent', password: 'agent' })).rejects.toThrow(/stillgelegt/);
    // The colleague can take the case; the supervisor's PC records the owed proof as retired.
    await colleague.invoke('sync.now', {});
    expect((await colleague.invoke('request.detail', { requestId: open!.id })).row.status).toBe('open');
    await supervisor.invoke('sync.now', {});
    expect(remoteRules(supervisor, open!.id)).toEqual(['workstation_retired']);

    // A self-test on the supervisor's PC reaches the backend with the next sync.
    const test = await supervisor.invoke('retention.selfTest', {});
    await supervisor.invoke('sync.now', {});
    const after = await supervisor.invoke('workstations.list', {});
    expect(after.find((w) => w.id === own)?.lastSelfTest).toMatchObject({ passed: test.passed, at: test.at.replace('.000Z', 'Z') });
  });

  it('is for supervisors only, and says so in German when the backend cannot be reached', async () => {
    const agent = await demoDesk(desks, backend.url, 'agent2');
    await expect(agent.invoke('workstations.list', {})).rejects.toMatchObject({ code: 'forbidden' });
    const supervisor = await demoDesk(desks, backend.url, 'supervisor');
    // Last in this file: the backend goes away under a signed-in supervisor.
    await backend.close();
    await expect(supervisor.invoke('workstations.list', {})).rejects.toMatchObject({ code: 'backend_unreachable', message: expect.stringMatching(/Keine Verbindung zum Backend/) });
  });
});
