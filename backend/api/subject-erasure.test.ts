// Issue 17, item 4 over real HTTP on both drivers: the Löschung of a marked case erases what the
// officer included (a claimed callback, SMS and portal records) at the backend and tells the feed;
// a retained contact, a held customer's SMS and the case itself stay, listed with reason and last
// day; the workstations that held copies owe receipts, and the case cannot close until each is in
// or the workstation is retired. The record kept names sources and ids, never the person.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntakeResponse } from '../../shared/intake';
import { SubjectErasureView, type SubjectErasure } from '../../shared/subject-erasure';
import { SubjectSearchResult } from '../../shared/subject-requests';
import { type RunningBackend } from '../server';
import { call, login, newEventId, pullAll, startTestBackend, TEST_DRIVERS, type TestClock } from '../test-support';

const PERSON = { name: 'Greta Löscher', email: 'greta.loescher@example.de', customer: '4712000001', held: '4712000002' };

describe.each(TEST_DRIVERS)('%s', (driver) => {
  let backend: RunningBackend;
  let clock: TestClock;

  beforeAll(async () => {
    ({ backend, clock } = await startTestBackend({ driver, demo: false, intakePerMinute: 0, leaseSeconds: 3600 }));
  });
  afterAll(() => backend.close());

  const consent = () => ({ noticeVersion: '2026-11', at: new Date(clock.ms - 60_000).toISOString() });
  async function intake(kind: 'callback' | 'contact' | 'dpo', body: Record<string, unknown>): Promise<string> {
    const res = await fetch(`${backend.url}/api/v1/intake/${kind}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...body, consent: consent() }) });
    expect(res.status).toBe(201);
    return IntakeResponse.parse(await res.json()).id;
  }
  async function ingest(path: 'sms' | 'portal-access', records: unknown[]) {
    const res = await fetch(`${backend.url}/api/v1/ingest/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${backend.ingestKey}` }, body: JSON.stringify({ records }) });
    expect(res.status).toBe(200);
  }
  function nextWeekday(): string {
    for (let d = 1; ; d++) {
      const day = new Date(clock.ms + d * 86_400_000);
      if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) return day.toISOString().slice(0, 10);
    }
  }
  const claim = async (token: string, id: string) => expect((await call(backend.url, 'POST', `/api/v1/requests/${id}/claim`, token, { eventId: newEventId() })).status).toBe(200);
  const close = (token: string, id: string, retention: unknown = null) =>
    call(backend.url, 'POST', `/api/v1/requests/${id}/events`, token, { eventId: newEventId(), type: 'close', at: clock.now().toISOString(), data: { outcome: 'resolved', retention } });
  const erasure = (token: string, id: string) => call(backend.url, 'GET', `/api/v1/requests/${id}/subject-request/erasure`, token);
  const erase = (token: string, id: string, body: unknown = { confirm: true }) => call(backend.url, 'POST', `/api/v1/requests/${id}/subject-request/erasure`, token, body);
  const receipts = (token: string, list: unknown[]) => call(backend.url, 'POST', '/api/v1/receipts', token, { receipts: list });

  it('erases the included hits, keeps held and retained ones with their reasons, and closes only after every receipt or retirement', async () => {
    const agent = await login(backend.url, 'agent');
    const dpo = await login(backend.url, 'dpo');
    const supervisor = await login(backend.url, 'supervisor');
    // The person: a callback an agent holds, a contact closed with a retention, SMS and portal records; a second customer number under a hold.
    const callback = await intake('callback', { salutation: 'Frau', name: PERSON.name, phone: '0234 960-5555', preferredDate: nextWeekday(), preferredWindow: { from: '09:00', to: '11:00' }, topic: 'billing', note: null });
    const contact = await intake('contact', { salutation: null, name: PERSON.name, email: PERSON.email, category: 'billing', subject: 'Abschlag', message: 'Bitte prüfen.' });
    await claim(agent.token, callback);
    await claim(agent.token, contact);
    expect((await close(agent.token, contact, { reason: 'proof', until: '2027-03-31' })).status).toBe(200);
    const smsIds = [randomUUID(), randomUUID()];
    const heldSms = randomUUID();
    const portalId = randomUUID();
    const old = new Date(clock.ms - 10 * 86_400_000).toISOString();
    await ingest('sms', [...smsIds.map((id) => ({ id, customerNumber: PERSON.customer, sentAt: old, ip: '198.51.100.20' })), { id: heldSms, customerNumber: PERSON.held, sentAt: old, ip: '198.51.100.21' }]);
    await ingest('portal-access', [{ id: portalId, customerNumber: PERSON.customer, at: old, ip: '2a02:908::9', action: 'login' }]);
    const hold = await call(backend.url, 'POST', '/api/v1/holds', dpo.token, { caseRef: 'StA Bochum 1 Js 2/26', customerNumber: PERSON.held, until: '2027-01-31', reason: 'Ermittlungsersuchen' });
    expect((await call(backend.url, 'POST', `/api/v1/holds/${(hold.body as { id: string }).id}/decision`, supervisor.token, { decision: 'confirm' })).status).toBe(200);
    // dpo and supervisor workstations read the logs from the feed: they hold copies now.
    await pullAll(backend.url, dpo.token);
    await pullAll(backend.url, supervisor.token);

    const caseId = await intake('dpo', { salutation: 'Frau', name: PERSON.name, email: PERSON.email, category: 'other', subject: 'Löschung nach Art. 17', message: 'Bitte alles löschen.' });
    await claim(dpo.token, caseId);
    // Not marked yet: no erasure.
    expect((await erasure(dpo.token, caseId)).body).toMatchObject({ reason: 'not_marked' });
    const mark = (type: string) => call(backend.url, 'POST', `/api/v1/requests/${caseId}/subject-request`, dpo.token, { action: 'mark', type, identity: null });
    expect((await mark('access')).status).toBe(200);
    expect((await erase(dpo.token, caseId)).body).toMatchObject({ reason: 'not_erasure' });
    expect((await mark('erasure')).status).toBe(200);
    expect((await erase(dpo.token, caseId)).body).toMatchObject({ reason: 'nothing_included' });
    const hits = [];
    for (const query of [{ name: PERSON.name, customerNumber: PERSON.customer }, { customerNumber: PERSON.held }]) {
      const found = SubjectSearchResult.parse((await call(backend.url, 'POST', `/api/v1/requests/${caseId}/subject-request/search`, dpo.token, query)).body);
      hits.push(...found.hits);
    }
    for (const hit of hits) {
      expect((await call(backend.url, 'POST', `/api/v1/requests/${caseId}/subject-request/decisions`, dpo.token, { hitId: hit.id, decision: 'include', reason: 'Antrag auf Löschung' })).status).toBe(200);
    }

    // The plan: what goes, what stays and why.
    const planned = SubjectErasureView.parse((await erasure(dpo.token, caseId)).body);
    expect(planned.erasure).toBeNull();
    const ids = (items: readonly { source: string; id: string }[]) => items.map((i) => `${i.source}:${i.id}`).sort();
    expect(ids(planned.plan!.erase)).toEqual([`request:${callback}`, ...smsIds.map((id) => `sms:${id}`), `portal:${portalId}`].sort());
    expect(planned.plan!.keep.map((k) => [k.source, k.id, k.reason, k.until]).sort()).toEqual(
      [
        ['request', contact, 'proof', '2027-03-31'],
        ['request', caseId, 'this_case', null],
        ['sms', heldSms, 'hold', '2027-01-31'],
      ].sort(),
    );

    // Only the dpo holding the case; only with an explicit confirmation.
    expect((await erase(agent.token, caseId)).status).toBe(403);
    expect((await erase((await login(backend.url, 'dpo')).token, caseId)).status).toBe(409);
    expect((await erase(dpo.token, caseId, { confirm: 'ja' })).status).toBe(400);
    const done = await erase(dpo.token, caseId);
    expect(done.status).toBe(200);
    const record = SubjectErasureView.parse(done.body).erasure!;
    expect(record.counts).toEqual({ request: 1, sms: 2, portal: 1 });
    const byWs = (r: SubjectErasure) => Object.fromEntries(r.workstations.map((w) => [w.workstation, w.status]));
    expect(byWs(record)).toEqual({ [agent.workstation]: 'awaiting', [dpo.workstation]: 'awaiting', [supervisor.workstation]: 'awaiting' });
    expect(record.awaiting).toBe(3);
    // No personal data in the record kept with the case.
    for (const value of [PERSON.name, PERSON.email, PERSON.customer, PERSON.held, '198.51.100.20']) expect(JSON.stringify(record)).not.toContain(value);
    expect((await erase(dpo.token, caseId)).body).toMatchObject({ reason: 'already_erased' });

    // The feed: request.erased to agents, sms.erased / portal.erased to dpo and supervisors; the erased records' events are gone.
    const agentFeed = (await pullAll(backend.url, agent.token)).events;
    expect(agentFeed.filter((e) => e.type === 'request.erased').map((e) => (e as { requestId: string }).requestId)).toContain(callback);
    const supFeed = (await pullAll(backend.url, supervisor.token)).events;
    const smsErased = supFeed.find((e) => e.type === 'sms.erased') as Extract<(typeof supFeed)[number], { type: 'sms.erased' }>;
    expect(smsErased).toMatchObject({ erasureId: record.erasureId, reason: 'subject_erasure' });
    expect([...smsErased.smsIds].sort()).toEqual([...smsIds].sort());
    expect(supFeed.find((e) => e.type === 'portal.erased')).toMatchObject({ erasureId: record.erasureId, accessIds: [portalId] });
    const logged = supFeed.flatMap((e) => (e.type === 'sms.logged' ? [e.sms.id] : e.type === 'portal.logged' ? [e.access.id] : []));
    expect(logged).toEqual([heldSms]);

    // The case stays open while receipts are missing: a clear refusal.
    const refused = await close(dpo.token, caseId);
    expect(refused.status).toBe(422);
    expect((refused.body as { detail: string }).detail).toContain('awaits receipts from 3 workstation(s)');

    // The receipts come in: the agent's for the callback, the dpo desk's for both logs; an erasure receipt from an agent is refused.
    const now = clock.now().toISOString();
    expect((await receipts(agent.token, [{ requestId: callback, purgedAt: now, rule: 'erased' }])).body).toEqual({ recorded: 1 });
    expect((await receipts(agent.token, [{ erasureId: record.erasureId, log: 'sms', purgedAt: now, rule: 'erased' }])).body).toMatchObject({ refused: [{ index: 0 }] });
    expect((await receipts(dpo.token, [{ erasureId: randomUUID(), log: 'sms', purgedAt: now, rule: 'erased' }])).body).toMatchObject({ refused: [{ reason: 'no such erasure' }] });
    const dpoReceipts = ['sms', 'portal'].map((log) => ({ erasureId: record.erasureId, log, purgedAt: now, rule: 'erased' }));
    expect((await receipts(dpo.token, dpoReceipts)).body).toEqual({ recorded: 2 });
    const progress = SubjectErasureView.parse((await erasure(dpo.token, caseId)).body).erasure!;
    expect(byWs(progress)).toEqual({ [agent.workstation]: 'received', [dpo.workstation]: 'received', [supervisor.workstation]: 'awaiting' });
    expect((await close(dpo.token, caseId)).body).toMatchObject({ detail: expect.stringContaining('1 workstation(s)') });
    // Supervisors learn each erasure receipt from the feed.
    const recorded = (await pullAll(backend.url, supervisor.token)).events.filter((e) => e.type === 'receipt.recorded' && 'erasureId' in e.receipt);
    expect(recorded).toHaveLength(2);

    // The supervisor's workstation is lost and retired from another one: it counts, as retired.
    const other = await login(backend.url, 'supervisor');
    expect((await call(backend.url, 'POST', `/api/v1/workstations/${supervisor.workstation}/retire`, other.token, { reason: 'Notebook verloren' })).status).toBe(200);
    const final = SubjectErasureView.parse((await erasure(dpo.token, caseId)).body).erasure!;
    expect(final.workstations.find((w) => w.workstation === supervisor.workstation)).toMatchObject({ status: 'retired', received: 0 });
    expect(final.awaiting).toBe(0);
    expect((await close(dpo.token, caseId)).status).toBe(200);
  });
});
