// Issue 14, deletion at the origin, on both drivers: SMS and portal records go 90 days after
// they happened (feed events with them), except a customer's under a confirmed hold; holds are
// asked for by a dpo and decided by another person with the supervisor role; a retained case
// loses its personal data the day after its `until`.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { BackendHold } from '../../shared/holds';
import { portalAccess, requests, smsLog } from '../db/schema';
import { type RunningBackend } from '../server';
import { call, login, newEventId, pullAll, queuedOf, startTestBackend, TEST_DRIVERS } from '../test-support';

const running: RunningBackend[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((b) => b.close()));
});

describe.each(TEST_DRIVERS)('%s', (driver) => {
  async function world() {
    const started = await startTestBackend({ driver, demo: false });
    running.push(started.backend);
    const { backend, clock } = started;
    const ingest = (path: string, records: unknown[]) =>
      fetch(`${backend.url}/api/v1/ingest/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${backend.ingestKey}` }, body: JSON.stringify({ records }) }).then((r) => r.json());
    const sms = (customerNumber: string, daysAgo: number) => ({ id: randomUUID(), customerNumber, sentAt: new Date(clock.ms - daysAgo * 86_400_000).toISOString(), ip: '80.7.185.99' });
    return { backend, clock, ingest, sms };
  }

  it('asks, decides with four eyes, and refuses what the rules forbid', async () => {
    const { backend } = await world();
    const dpo = await login(backend.url, 'dpo');
    const officer = await login(backend.url, 'officer');
    const supervisor = await login(backend.url, 'supervisor');
    const lead = await login(backend.url, 'lead');
    const body = { caseRef: 'StA Bochum 12 Js 345/26', customerNumber: '4011111111', until: '2027-01-31', reason: 'Ermittlungsersuchen der Staatsanwaltschaft' };
    // Only an officer asks; at most 180 days; after today.
    expect((await call(backend.url, 'POST', '/api/v1/holds', supervisor.token, body)).status).toBe(403);
    expect((await call(backend.url, 'POST', '/api/v1/holds', dpo.token, { ...body, until: '2027-06-01' })).status).toBe(400);
    expect((await call(backend.url, 'POST', '/api/v1/holds', dpo.token, { ...body, until: '2026-11-24' })).status).toBe(400);
    const asked = await call(backend.url, 'POST', '/api/v1/holds', dpo.token, body);
    expect(asked.status).toBe(201);
    const hold = BackendHold.parse(asked.body);
    expect(hold).toMatchObject({ status: 'requested', requestedBy: { userId: 'dpo' }, decidedBy: null });
    // An officer cannot decide; a supervisor can, once.
    expect((await call(backend.url, 'POST', `/api/v1/holds/${hold.id}/decision`, officer.token, { decision: 'confirm' })).status).toBe(403);
    const confirmed = await call(backend.url, 'POST', `/api/v1/holds/${hold.id}/decision`, supervisor.token, { decision: 'confirm', note: 'Ersuchen liegt vor' });
    expect(BackendHold.parse(confirmed.body)).toMatchObject({ status: 'confirmed', decidedBy: { userId: 'supervisor', displayName: 'Sina Schichtleitung' }, decisionNote: 'Ersuchen liegt vor' });
    expect((await call(backend.url, 'POST', `/api/v1/holds/${hold.id}/decision`, lead.token, { decision: 'reject' })).status).toBe(409);
    // The same person may not decide their own request, even with both roles.
    const own = BackendHold.parse((await call(backend.url, 'POST', '/api/v1/holds', officer.token, { ...body, customerNumber: '4022222222' })).body);
    const both = { ...officer, token: (await login(backend.url, 'officer')).token };
    expect((await call(backend.url, 'POST', `/api/v1/holds/${own.id}/decision`, both.token, { decision: 'confirm' })).status).toBe(403);
    // dpo and supervisors learn every state from the feed; agents nothing.
    const states = (await pullAll(backend.url, supervisor.token)).events.flatMap((e) => (e.type === 'hold.updated' ? [`${e.hold.id}:${e.hold.status}`] : []));
    expect(states).toEqual([`${hold.id}:requested`, `${hold.id}:confirmed`, `${own.id}:requested`]);
    const agent = await login(backend.url, 'agent');
    expect((await pullAll(backend.url, agent.token)).events.filter((e) => e.type === 'hold.updated')).toEqual([]);
  });

  it('deletes SMS and portal records past 90 days with their feed events, except a held customer`s until the hold ends', async () => {
    const { backend, clock, ingest, sms } = await world();
    const held = '4033333333';
    const other = '4044444444';
    await ingest('sms', [sms(held, 85), sms(other, 85), sms(other, 10)]);
    await ingest('portal-access', [{ id: randomUUID(), customerNumber: other, at: new Date(clock.ms - 85 * 86_400_000).toISOString(), ip: '2a02:908::1', action: 'login' }]);
    const dpo = await login(backend.url, 'dpo');
    const supervisor = await login(backend.url, 'supervisor');
    const hold = BackendHold.parse((await call(backend.url, 'POST', '/api/v1/holds', dpo.token, { caseRef: 'AZ 1/26', customerNumber: held, until: '2026-12-31', reason: 'Anzeige wegen SMS-Missbrauch' })).body);
    await call(backend.url, 'POST', `/api/v1/holds/${hold.id}/decision`, supervisor.token, { decision: 'confirm' });

    // Ten days on, the 85-day-old records are past 90 days: the unheld ones go.
    clock.advance(10 * 86_400);
    const summary = await backend.runPeriodicWork();
    expect(summary).toMatchObject({ purgedSms: 1, purgedPortal: 1 });
    const left = await backend.database.db.select({ customer: smsLog.customerNumber }).from(smsLog);
    expect(left.map((r) => r.customer).sort()).toEqual([held, other]);
    expect(await backend.database.db.select().from(portalAccess)).toEqual([]);
    const fresh = await login(backend.url, 'supervisor');
    const feedSms = (await pullAll(backend.url, fresh.token)).events.filter((e) => e.type === 'sms.logged' || e.type === 'portal.logged');
    expect(feedSms).toHaveLength(2);

    // The hold ends after 31 December: the next run deletes the held record too.
    clock.ms = Date.parse('2027-01-01T10:00:00Z');
    const later = await backend.runPeriodicWork();
    expect(later).toMatchObject({ holdsEnded: 1, purgedSms: 1 });
    // Left: only the other customer's record from ten days before the start, 48 days old now.
    expect((await backend.database.db.select({ customer: smsLog.customerNumber }).from(smsLog)).map((r) => r.customer)).toEqual([other]);
  });

  it('follows a tightened SMS-log period (issue 16): SMS and portal records go at the rule in force, not at 90 days', async () => {
    const { backend, clock, ingest, sms } = await world();
    const customer = '4055555555';
    await ingest('sms', [sms(customer, 40), sms(customer, 20)]);
    await ingest('portal-access', [{ id: randomUUID(), customerNumber: customer, at: new Date(clock.ms - 40 * 86_400_000).toISOString(), ip: '2a02:908::1', action: 'login' }]);
    expect(await backend.runPeriodicWork()).toMatchObject({ purgedSms: 0, purgedPortal: 0 });
    const supervisor = await login(backend.url, 'supervisor');
    expect((await call(backend.url, 'POST', '/api/v1/rules', supervisor.token, { rule: 'retention', key: 'sms_log', period: 30 })).status).toBe(200);
    expect(await backend.runPeriodicWork()).toMatchObject({ purgedSms: 1, purgedPortal: 1 });
    expect(await backend.database.db.select({ customer: smsLog.customerNumber }).from(smsLog)).toHaveLength(1);
  });

  it('refuses a close whose retention reaches past the period in force (issue 16: tightened by a supervisor)', async () => {
    const { backend, clock } = await world();
    const form = { salutation: null, name: 'Lea Nachweis', email: 'lea@example.org', category: 'billing', subject: 'Abschlag', message: 'Bitte prüfen.', consent: { noticeVersion: '2026-11', at: new Date(clock.ms - 60_000).toISOString() } };
    const id = ((await call(backend.url, 'POST', '/api/v1/intake/contact', undefined, form)).body as { id: string }).id;
    const agent = await login(backend.url, 'agent');
    expect((await call(backend.url, 'POST', `/api/v1/requests/${id}/claim`, agent.token, { eventId: newEventId() })).status).toBe(200);
    const supervisor = await login(backend.url, 'supervisor');
    expect((await call(backend.url, 'POST', '/api/v1/rules', supervisor.token, { rule: 'retention', key: 'retention_customer_care', period: 0 })).status).toBe(200);
    const inAMonth = new Date(clock.ms + 30 * 86_400_000).toISOString().slice(0, 10);
    const close = (reason: string) => ({ eventId: newEventId(), type: 'close', at: new Date(clock.ms).toISOString(), data: { outcome: 'resolved', retention: { reason, until: inAMonth } } });
    const refused = await call(backend.url, 'POST', `/api/v1/requests/${id}/events`, agent.token, close('customer_care'));
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toMatch(/at most 0 years/);
    expect((await call(backend.url, 'POST', `/api/v1/requests/${id}/events`, agent.token, close('proof'))).status).toBe(200);
  });

  it('keeps a retained case`s personal data until its `until`, and drops it the day after', async () => {
    const { backend, clock } = await startTestBackend({ driver, demo: { contacts: 2 } });
    running.push(backend);
    const agent = await login(backend.url, 'agent');
    const [entry] = queuedOf((await pullAll(backend.url, agent.token)).events, 'contact');
    const id = entry!.request.id;
    await call(backend.url, 'POST', `/api/v1/requests/${id}/claim`, agent.token, { eventId: newEventId() });
    const close = { eventId: newEventId(), type: 'close', at: new Date(clock.ms).toISOString(), data: { outcome: 'resolved', retention: { reason: 'proof', until: '2026-12-15' } } };
    expect((await call(backend.url, 'POST', `/api/v1/requests/${id}/events`, agent.token, close)).status).toBe(200);
    const personal = async () => (await backend.database.db.select({ name: requests.name, email: requests.email }).from(requests).where(eq(requests.id, id)))[0];
    clock.ms = Date.parse('2026-12-15T20:00:00Z');
    await backend.runPeriodicWork();
    expect((await personal())?.name).not.toBeNull();
    clock.ms = Date.parse('2026-12-16T08:00:00Z');
    expect((await backend.runPeriodicWork()).retentionsEnded).toBe(1);
    expect(await personal()).toEqual({ name: null, email: null });
  });
});
