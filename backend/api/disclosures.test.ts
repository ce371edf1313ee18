// Issue 16: the disclosure register at the backend, on both drivers. A dpo records a package of
// SMS records by id, a different person with the supervisor role approves or rejects it once, and
// dpo and supervisors learn each state from the feed; agents see nothing of it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendDisclosure } from '../../shared/disclosures';
import { DEMO_USERS } from '../demo-users';
import { demoAccounts } from '../auth/accounts';
import { type RunningBackend } from '../server';
import { call, login, pullAll, startTestBackend, TEST_DRIVERS } from '../test-support';

describe.each(TEST_DRIVERS)('%s', (driver) => {
  let backend: RunningBackend;
  beforeAll(async () => {
    // One person with both offices (dpo and supervisor), as a small utility may have: still not their own second pair of eyes.
    const accounts = await demoAccounts([...DEMO_USERS, { username: 'both', password: 'both', displayName: 'Bea Beides', roles: ['dpo', 'supervisor'] }], 4);
    ({ backend } = await startTestBackend({ driver, demo: false, accounts }));
  });
  afterAll(() => backend.close());

  const ask = (token: string, body: unknown) => call(backend.url, 'POST', '/api/v1/disclosures', token, body);
  const decide = (token: string, id: string, body: unknown) => call(backend.url, 'POST', `/api/v1/disclosures/${id}/decision`, token, body);
  const pkg = () => ({
    id: randomUUID(),
    caseRef: 'DS-2026-17',
    authority: 'Polizeipräsidium Bochum',
    authorityRef: 'KK 11 – 4711/26',
    legalBasis: '§ 100g StPO i. V. m. Art. 6 Abs. 1 lit. c DSGVO',
    smsIds: [randomUUID(), randomUUID()],
  });

  it('a dpo asks (once per id), a different supervisor decides once, the feed carries every state to dpo and supervisors', async () => {
    const dpo = await login(backend.url, 'dpo');
    const supervisor = await login(backend.url, 'supervisor');
    const lead = await login(backend.url, 'lead');
    const body = pkg();
    // Only a dpo asks.
    expect((await ask(supervisor.token, body)).status).toBe(403);
    expect((await ask((await login(backend.url, 'agent')).token, body)).status).toBe(403);
    expect((await ask(dpo.token, { ...body, smsIds: ['not-an-id'] })).status).toBe(400);
    const asked = await ask(dpo.token, body);
    expect(asked.status).toBe(201);
    const entry = BackendDisclosure.parse(asked.body);
    expect(entry).toMatchObject({ ...body, status: 'requested', requestedBy: { userId: 'dpo', displayName: 'Dana Datenschutz' }, decidedBy: null });
    // Sent again after a lost answer: the same entry, nothing new; the id for another package: refused.
    const again = await ask(dpo.token, body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(asked.body);
    expect((await ask(dpo.token, { ...body, authority: 'Staatsanwaltschaft Bochum' })).status).toBe(409);

    // A rejection needs a note; an officer cannot decide; a supervisor decides once.
    expect((await decide(supervisor.token, entry.id, { decision: 'reject' })).status).toBe(400);
    expect((await decide(dpo.token, entry.id, { decision: 'approve' })).status).toBe(403);
    expect((await decide(supervisor.token, randomUUID(), { decision: 'approve' })).status).toBe(404);
    const approved = await decide(supervisor.token, entry.id, { decision: 'approve', note: 'Beschluss liegt vor' });
    expect(approved.status).toBe(200);
    expect(BackendDisclosure.parse(approved.body)).toMatchObject({ status: 'approved', decidedBy: { userId: 'supervisor', displayName: 'Sina Schichtleitung' }, decisionNote: 'Beschluss liegt vor' });
    expect((await decide(lead.token, entry.id, { decision: 'reject', note: 'doch nicht' })).status).toBe(409);

    const states = async (token: string) => (await pullAll(backend.url, token)).events.flatMap((e) => (e.type === 'disclosure.updated' && e.disclosure.id === entry.id ? [e.disclosure.status] : []));
    expect(await states(supervisor.token)).toEqual(['requested', 'approved']);
    expect(await states((await login(backend.url, 'dpo')).token)).toEqual(['requested', 'approved']);
    expect(await states((await login(backend.url, 'agent')).token)).toEqual([]);
    expect(await states((await login(backend.url, 'equality')).token)).toEqual([]);
  });

  it('the same person never decides their own package, even holding both roles', async () => {
    const both = await login(backend.url, 'both');
    const entry = BackendDisclosure.parse((await ask(both.token, pkg())).body);
    const own = await decide(both.token, entry.id, { decision: 'approve' });
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({ error: 'forbidden' });
    const rejected = await decide((await login(backend.url, 'supervisor')).token, entry.id, { decision: 'reject', note: 'Rechtsgrundlage fehlt' });
    expect(BackendDisclosure.parse(rejected.body)).toMatchObject({ status: 'rejected', decisionNote: 'Rechtsgrundlage fehlt' });
  });
});
