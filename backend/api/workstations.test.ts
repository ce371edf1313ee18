// Issue 16, item 5: supervisors see the service center's workstations (last contact, proofs owed,
// cases held) and retire one that will not come back. Retired, it cannot log in, its sessions end,
// its claims go back to the queue and every proof it owed is recorded as `workstation_retired`
// with who and when, instead of staying overdue forever.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReceiptsResponse } from '../../shared/sync-api';
import { RetireWorkstationResponse, WorkstationList } from '../../shared/workstations';
import { type RunningBackend } from '../server';
import { call, login, newEventId, pullAll, queuedOf, startTestBackend, TEST_DRIVERS, type TestClock } from '../test-support';

describe.each(TEST_DRIVERS)('%s', (driver) => {
  let backend: RunningBackend;
  let clock: TestClock;
  let callbacks: string[];

  beforeAll(async () => {
    ({ backend, clock } = await startTestBackend({ driver, leaseSeconds: 600 }));
    const { token } = await login(backend.url, 'supervisor');
    callbacks = queuedOf((await pullAll(backend.url, token)).events, 'callback').map((e) => e.request.id);
  });
  afterAll(() => backend.close());

  const claim = async (token: string) => {
    const id = callbacks.shift()!;
    expect((await call(backend.url, 'POST', `/api/v1/requests/${id}/claim`, token, { eventId: newEventId() })).status).toBe(200);
    return id;
  };
  const close = (token: string, id: string) =>
    call(backend.url, 'POST', `/api/v1/requests/${id}/events`, token, { eventId: newEventId(), at: clock.now().toISOString(), type: 'close', data: { outcome: 'resolved', retention: null } });
  const list = async (token: string) => WorkstationList.parse((await call(backend.url, 'GET', '/api/v1/workstations', token)).body).workstations;

  it('lists each workstation with its last contact, the cases it holds and the proofs it owes; only for supervisors', async () => {
    const agent = await login(backend.url, 'agent');
    const owed = await claim(agent.token);
    await claim(agent.token);
    expect((await close(agent.token, owed)).status).toBe(200);
    const supervisor = await login(backend.url, 'supervisor');

    expect((await call(backend.url, 'GET', '/api/v1/workstations', agent.token)).status).toBe(403);
    const seen = (await list(supervisor.token)).find((w) => w.id === agent.workstation);
    expect(seen).toMatchObject({ holding: 1, missingReceipts: 1, retired: null, lastSeenAt: clock.now().toISOString().replace('.000Z', 'Z') });

    // The receipt arrives: nothing owed any more.
    const receipt = { requestId: owed, purgedAt: clock.now().toISOString(), rule: 'callback_closed' };
    expect(ReceiptsResponse.parse((await call(backend.url, 'POST', '/api/v1/receipts', agent.token, { receipts: [receipt] })).body)).toEqual({ recorded: 1 });
    expect((await list(supervisor.token)).find((w) => w.id === agent.workstation)).toMatchObject({ holding: 1, missingReceipts: 0 });
  });

  it('retires a lost workstation: no login, sessions ended, claims released, owed proofs recorded as retired with who and when', async () => {
    const agent = await login(backend.url, 'agent');
    const held = await claim(agent.token);
    const owed = await claim(agent.token);
    expect((await close(agent.token, owed)).status).toBe(200);
    const supervisor = await login(backend.url, 'supervisor');
    const { cursor } = await pullAll(backend.url, supervisor.token);

    const retire = (body: unknown, token = supervisor.token) => call(backend.url, 'POST', `/api/v1/workstations/${agent.workstation}/retire`, token, body);
    expect((await retire({ reason: '' })).status).toBe(400);
    expect((await retire({ reason: 'Notebook gestohlen' }, agent.token)).status).toBe(403);
    const answer = await retire({ reason: 'Notebook gestohlen, Anzeige erstattet' });
    expect(answer.status).toBe(200);
    const result = RetireWorkstationResponse.parse(answer.body);
    expect(result).toMatchObject({ recordedAsRetired: 2, released: 1 });
    expect(result.workstation).toMatchObject({
      holding: 0,
      missingReceipts: 0,
      retired: { by: { userId: 'supervisor', displayName: 'Sina Schichtleitung' }, reason: 'Notebook gestohlen, Anzeige erstattet' },
    });
    expect((await retire({ reason: 'noch einmal' })).status).toBe(409);

    // Its token is refused, and it cannot log in again.
    expect((await call(backend.url, 'GET', '/api/v1/feed', agent.token)).status).toBe(401);
    await expect(login(backend.url, 'agent', agent.workstation)).rejects.toThrow(/403.*workstation_retired/);

    // Every workstation learns that the held case is back in the queue; supervisors get the recorded proofs.
    const { events } = await pullAll(backend.url, supervisor.token, 100, cursor);
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'request.released', requestId: held }),
        expect.objectContaining({ type: 'receipt.recorded', receipt: expect.objectContaining({ requestId: owed, rule: 'workstation_retired', workstation: agent.workstation }) }),
        expect.objectContaining({ type: 'receipt.recorded', receipt: expect.objectContaining({ requestId: held, rule: 'workstation_retired' }) }),
      ]),
    );
  });

  it('keeps the latest self-test each workstation reports; an older or a future one changes nothing', async () => {
    const agent = await login(backend.url, 'agent');
    const supervisor = await login(backend.url, 'supervisor');
    const report = (at: string, passed: boolean) => call(backend.url, 'POST', '/api/v1/self-test', agent.token, { at, passed, filesScanned: 3, findings: passed ? 0 : 2 });
    const minutesAgo = (m: number) => new Date(clock.ms - m * 60_000).toISOString();
    expect((await list(supervisor.token)).find((w) => w.id === agent.workstation)?.lastSelfTest).toBeNull();
    expect((await report(minutesAgo(10), false)).body).toEqual({ status: 'recorded' });
    expect((await report(minutesAgo(20), true)).body).toEqual({ status: 'older' });
    expect((await report(new Date(clock.ms + 3_600_000).toISOString(), true)).status).toBe(400);
    expect((await call(backend.url, 'POST', '/api/v1/self-test', agent.token, { at: minutesAgo(1), passed: true })).status).toBe(400);
    expect((await list(supervisor.token)).find((w) => w.id === agent.workstation)?.lastSelfTest).toEqual({ at: minutesAgo(10).replace('.000Z', 'Z'), passed: false, findings: 2 });
  });

  it('refuses workstation_retired from a workstation, and retiring the workstation one works at', async () => {
    const agent = await login(backend.url, 'agent');
    const id = await claim(agent.token);
    const forged = { requestId: id, purgedAt: clock.now().toISOString(), rule: 'workstation_retired' };
    expect(ReceiptsResponse.parse((await call(backend.url, 'POST', '/api/v1/receipts', agent.token, { receipts: [forged] })).body)).toMatchObject({ recorded: 0 });
    const supervisor = await login(backend.url, 'supervisor');
    expect((await call(backend.url, 'POST', `/api/v1/workstations/${supervisor.workstation}/retire`, supervisor.token, { reason: 'Aus Versehen' })).status).toBe(409);
  });
});
