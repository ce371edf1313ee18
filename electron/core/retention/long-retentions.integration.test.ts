// Issue 16, item 3: a retention over one year waits for a supervisor. The agent closes a contact
// to be kept two years for proof; the supervisor sees it on her own PC, sets an earlier date, and
// it leaves the list. Real desk cores on their own data directories, the backend on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBackend } from '../../../backend/server';
import { startBackendForTest } from '../../../backend/testing/test-backend';
import type { Desk } from '../desk';
import { demoDesk } from '../test-support/demo-desk';
import { berlinDate, shiftDate } from '../time/berlin';

let backend: RunningBackend;
const desks: Desk[] = [];
beforeAll(async () => {
  backend = await startBackendForTest({ seed: 23, demo: { callbacks: 2, contacts: 3, dpo: 1, equality: 1, sms: 3 } });
});
afterAll(async () => {
  await Promise.all(desks.map((d) => d.close()));
  await backend.close();
});

describe('a retention over one year', () => {
  it('waits for the supervisor on her own PC, who sets an earlier date', async () => {
    const agent = await demoDesk(desks, backend.url, 'agent', { sync: true });
    const [contact] = await agent.invoke('queue.list', { kinds: ['contact'], statuses: ['open'] });
    await agent.invoke('request.claim', { requestId: contact!.id });
    const today = berlinDate(new Date());
    const twoYears = shiftDate(today, 730);
    await agent.invoke('request.close', { requestId: contact!.id, outcome: 'resolved', retention: { reason: 'proof', until: twoYears, note: 'Beschwerdeverfahren läuft' } });
    await agent.invoke('sync.now', {});

    const supervisor = await demoDesk(desks, backend.url, 'supervisor', { sync: true });
    const [pending] = await supervisor.invoke('retention.longPending', {});
    expect(pending).toMatchObject({ requestId: contact!.id, kind: 'contact', reason: 'proof', requestedUntil: twoYears });
    // Later than asked for is refused; an earlier date is taken.
    await expect(supervisor.invoke('retention.decideLong', { requestId: contact!.id, until: shiftDate(twoYears, 1) })).rejects.toMatchObject({ code: 'invalid_input' });
    const shorter = shiftDate(today, 500);
    expect(await supervisor.invoke('retention.decideLong', { requestId: contact!.id, until: shorter })).toEqual({ requestId: contact!.id, retainedUntil: shorter });
    expect(await supervisor.invoke('retention.longPending', {})).toEqual([]);
    await expect(supervisor.invoke('retention.decideLong', { requestId: contact!.id, until: shorter })).rejects.toMatchObject({ code: 'conflict' });
    // Only supervisors decide.
    await expect(agent.invoke('retention.longPending', {})).rejects.toMatchObject({ code: 'forbidden' });
  });
});
