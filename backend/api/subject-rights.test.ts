// Issue 17 part 5 over real HTTP on both drivers. Berichtigung: the officer holding a
// Berichtigung case corrects an included request of the person; intake's rules apply, the old
// value is gone from the backend, the record names only fields, and the new values reach only the
// workstation holding that request's claim (in the feed as read, never as stored). Einschränkung:
// a restricted request cannot be claimed, a restricted SMS record cannot be disclosed, lifting
// restores both. Widerspruch: recorded with its decision; granted against contact, the person's
// open callbacks can no longer be claimed. Closing the case takes its free texts, not the restriction.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntakeResponse } from '../../shared/intake';
import { Objection, Rectification, Restriction, SubjectRightsRecord } from '../../shared/subject-rights';
import { type FeedEvent } from '../../shared/sync-api';
import { requests, restrictions, subjectObjections, subjectRectifications } from '../db/schema';
import { type RunningBackend } from '../server';
import { call, login, newEventId, pullAll, startTestBackend, TEST_DRIVERS, type TestClock } from '../test-support';

const PERSON = { name: 'Jörg Nowak', email: 'joerg.nowak@example.de', customer: '4711000001' };
const OLD_PHONE_DIGITS = '2349601234';

describe.each(TEST_DRIVERS)('%s', (driver) => {
  let backend: RunningBackend;
  let clock: TestClock;

  beforeAll(async () => {
    ({ backend, clock } = await startTestBackend({ driver, demo: false, intakePerMinute: 0, leaseSeconds: 3600 }));
    clock.ms = Date.parse('2027-03-10T09:00:00Z');
  });
  afterAll(() => backend.close());

  const consent = () => ({ noticeVersion: '2026-11', at: new Date(clock.ms - 60_000).toISOString() });
  async function intake(kind: 'callback' | 'contact' | 'dpo', body: Record<string, unknown>): Promise<string> {
    const res = await fetch(`${backend.url}/api/v1/intake/${kind}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...body, consent: consent() }) });
    expect(res.status).toBe(201);
    return IntakeResponse.parse(await res.json()).id;
  }
  const message = (over: Record<string, unknown> = {}) => ({ salutation: 'Herr', name: PERSON.name, email: PERSON.email, category: 'other', subject: 'Antrag nach DSGVO', message: 'Bitte bearbeiten.', ...over });
  function nextWeekday(): string {
    for (let d = 1; ; d++) {
      const day = new Date(clock.ms + d * 86_400_000);
      if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) return day.toISOString().slice(0, 10);
    }
  }
  const callback = () => intake('callback', { salutation: 'Herr', name: PERSON.name, phone: `0${OLD_PHONE_DIGITS}`, preferredDate: nextWeekday(), preferredWindow: { from: '09:00', to: '11:00' }, topic: 'billing', note: null });
  const claim = (token: string, id: string) => call(backend.url, 'POST', `/api/v1/requests/${id}/claim`, token, { eventId: newEventId() });
  const post = (token: string, id: string, tail: string, body: unknown) => call(backend.url, 'POST', `/api/v1/requests/${id}/subject-request${tail}`, token, body);
  const rights = async (token: string, id: string) => SubjectRightsRecord.parse((await call(backend.url, 'GET', `/api/v1/requests/${id}/subject-request/rights`, token)).body);

  /** A dpo case of the given type, held by a fresh dpo session, whose Find by name included the given requests (and SMS records). */
  async function caseWith(type: string, include: string[]) {
    const dpo = await login(backend.url, 'dpo');
    const id = await intake('dpo', message());
    expect((await claim(dpo.token, id)).status).toBe(200);
    expect((await post(dpo.token, id, '', { action: 'mark', type, identity: null })).status).toBe(200);
    expect((await post(dpo.token, id, '/search', { name: PERSON.name, customerNumber: PERSON.customer })).status).toBe(200);
    for (const hitId of include) expect((await post(dpo.token, id, '/decisions', { hitId, decision: 'include', reason: 'Gehört der Person' })).status).toBe(200);
    return { dpo, id };
  }

  it('Berichtigung: corrects an included request by intake’s rules; only the holding workstation gets the new values; no old value and no value in the record', async () => {
    const target = await intake('contact', message({ subject: 'Abschlag', message: 'Meine Adresse ist falsch geschrieben.' }));
    const holder = await login(backend.url, 'agent');
    const colleague = await login(backend.url, 'agent');
    expect((await claim(holder.token, target)).status).toBe(200);
    const { cursor: holderCursor } = await pullAll(backend.url, holder.token);
    const { cursor: colleagueCursor } = await pullAll(backend.url, colleague.token);

    const { dpo, id } = await caseWith('rectification', [`request:${target}`]);
    const wrongField = await post(dpo.token, id, '/rectifications', { targetId: target, changes: { phone: '0234 960-5555' } });
    expect(wrongField).toMatchObject({ status: 400, body: { detail: 'A contact request has no phone.' } });
    expect((await post(dpo.token, id, '/rectifications', { targetId: target, changes: { email: 'kein-mail' } })).status).toBe(400);
    expect((await post(dpo.token, id, '/rectifications', { targetId: target, changes: {} })).status).toBe(400);
    const stranger = await intake('contact', message({ name: 'Erika Muster', email: 'erika@example.org' }));
    expect(await post(dpo.token, id, '/rectifications', { targetId: stranger, changes: { name: 'Erika Mustermann' } })).toMatchObject({ status: 409, body: { reason: 'not_included' } });

    const answer = await post(dpo.token, id, '/rectifications', { targetId: target, changes: { name: ' Jörg  Nowak-Berg ', email: 'j.nowak-berg@example.de' } });
    expect(answer.status).toBe(200);
    expect(Rectification.parse(answer.body)).toMatchObject({ caseId: id, targetId: target, fields: ['name', 'email'] });

    const [row] = await backend.database.db.select().from(requests).where(eq(requests.id, target));
    expect(row).toMatchObject({ name: 'Jörg  Nowak-Berg', email: 'j.nowak-berg@example.de' });
    const recorded = await backend.database.db.select().from(subjectRectifications).where(eq(subjectRectifications.caseId, id));
    expect(recorded).toMatchObject([{ targetId: target, fields: ['name', 'email'], userName: 'Dana Datenschutz' }]);
    expect(JSON.stringify(recorded)).not.toMatch(/Nowak|example\.de/);
    const stored = await backend.database.db.execute(sql`SELECT data::text AS data FROM feed_events WHERE type = 'request.rectified'`);
    expect(JSON.stringify(stored)).not.toMatch(/Nowak|example\.de/);

    const seen = (events: FeedEvent[]) => events.filter((e) => e.type === 'request.rectified' && e.requestId === target);
    expect(seen((await pullAll(backend.url, holder.token, 500, holderCursor)).events)).toMatchObject([{ fields: ['name', 'email'], values: { name: 'Jörg  Nowak-Berg', email: 'j.nowak-berg@example.de' } }]);
    const elsewhere = seen((await pullAll(backend.url, colleague.token, 500, colleagueCursor)).events);
    expect(elsewhere).toHaveLength(1);
    expect(elsewhere[0]).not.toHaveProperty('values');

    // The phone of a callback, normalised like intake; a case of another type may not correct.
    const cb = await callback();
    const second = await caseWith('rectification', [`request:${cb}`]);
    expect((await post(second.dpo.token, second.id, '/rectifications', { targetId: cb, changes: { phone: '12' } })).status).toBe(400);
    expect((await post(second.dpo.token, second.id, '/rectifications', { targetId: cb, changes: { phone: '0171 2345678' } })).status).toBe(200);
    const [cbRow] = await backend.database.db.select().from(requests).where(eq(requests.id, cb));
    expect(cbRow?.phone).toBe('+491712345678');
    const access = await caseWith('access', [`request:${cb}`]);
    expect(await post(access.dpo.token, access.id, '/rectifications', { targetId: cb, changes: { name: 'Jörg Nowak' } })).toMatchObject({ status: 409, body: { reason: 'wrong_type' } });
    expect((await rights(dpo.token, id)).rectifications).toMatchObject([{ fields: ['name', 'email'], by: { displayName: 'Dana Datenschutz' } }]);
  });

  it('Einschränkung: a restricted request cannot be claimed and a restricted SMS record cannot be disclosed; lifting restores both', async () => {
    const contact = await intake('contact', message({ subject: 'Zählerstand' }));
    const smsId = randomUUID();
    const ingest = await fetch(`${backend.url}/api/v1/ingest/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${backend.ingestKey}` },
      body: JSON.stringify({ records: [{ id: smsId, customerNumber: PERSON.customer, sentAt: new Date(clock.ms - 3_600_000).toISOString(), ip: '198.51.100.7' }] }),
    });
    expect(ingest.status).toBe(200);
    const agent = await login(backend.url, 'agent');
    const { cursor } = await pullAll(backend.url, agent.token);
    const { dpo, id } = await caseWith('restriction', [`request:${contact}`, `sms:${smsId}`]);
    expect((await post(dpo.token, id, '/restrictions', { hitIds: [`request:${contact}`], reason: 'kurz' })).status).toBe(400);
    expect(await post(dpo.token, id, '/restrictions', { hitIds: [`sms:${randomUUID()}`], reason: 'Richtigkeit wird bestritten' })).toMatchObject({ status: 409, body: { reason: 'not_included' } });

    const answer = await post(dpo.token, id, '/restrictions', { hitIds: [`request:${contact}`, `sms:${smsId}`], reason: 'Richtigkeit wird bestritten (Art. 18 Abs. 1 lit. a)' });
    expect(answer.status).toBe(200);
    const made = Restriction.array().parse(answer.body);
    expect(made.map((r) => [r.source, r.recordId, r.active])).toEqual([
      ['request', contact, true],
      ['sms', smsId, true],
    ]);

    expect(await claim(agent.token, contact)).toMatchObject({ status: 409, body: { reason: 'restricted' } });
    const pkg = { id: randomUUID(), caseRef: 'DS-2027-5', authority: 'Polizeipräsidium Bochum', authorityRef: 'AZ 17/27', legalBasis: '§ 100g StPO', smsIds: [smsId] };
    expect(await call(backend.url, 'POST', '/api/v1/disclosures', dpo.token, pkg)).toMatchObject({ status: 409, body: { reason: 'restricted', restricted: 1 } });

    // The agent's workstation learns of the request's restriction, without the reason.
    const told = (await pullAll(backend.url, agent.token, 500, cursor)).events.filter((e) => e.type === 'restriction.updated');
    expect(told).toMatchObject([{ restriction: { source: 'request', recordId: contact, active: true } }]);
    expect(JSON.stringify(told)).not.toContain('bestritten');

    for (const r of made) {
      expect((await post(dpo.token, id, `/restrictions/${r.id}/lift`, { reason: 'kurz' })).status).toBe(400);
      const lifted = await post(dpo.token, id, `/restrictions/${r.id}/lift`, { reason: 'Richtigkeit geprüft und bestätigt' });
      expect(Restriction.parse(lifted.body)).toMatchObject({ active: false, liftReason: 'Richtigkeit geprüft und bestätigt' });
      expect(await post(dpo.token, id, `/restrictions/${r.id}/lift`, { reason: 'Richtigkeit geprüft und bestätigt' })).toMatchObject({ status: 409, body: { reason: 'already_lifted' } });
    }
    expect((await claim(agent.token, contact)).status).toBe(200);
    expect((await call(backend.url, 'POST', '/api/v1/disclosures', dpo.token, pkg)).status).toBe(201);
    expect((await rights(dpo.token, id)).restrictions.map((r) => r.active)).toEqual([false, false]);
  });

  it('Widerspruch: recorded with scope, decision and date; granted against contact, the included open callbacks cannot be claimed; a refusal needs its grounds', async () => {
    const cb = await callback();
    const { dpo, id } = await caseWith('objection', [`request:${cb}`]);
    const refused = { scope: 'customer_care', purpose: null, decision: 'refused', reason: 'zu kurz', decidedOn: '2027-03-10' };
    expect((await post(dpo.token, id, '/objections', refused)).status).toBe(400);
    const refusedOk = await post(dpo.token, id, '/objections', { ...refused, reason: 'Vertragserfüllung erfordert Kontakt zur Zählerablesung' });
    expect(Objection.parse(refusedOk.body)).toMatchObject({ decision: 'refused', restrictedRequests: 0 });
    const agent = await login(backend.url, 'agent');
    expect((await claim(agent.token, cb)).status).toBe(200);
    expect((await call(backend.url, 'POST', `/api/v1/requests/${cb}/events`, agent.token, { eventId: newEventId(), type: 'release', at: clock.now().toISOString(), data: {} })).status).toBe(200);

    const granted = await post(dpo.token, id, '/objections', { scope: 'callback_contact', purpose: null, decision: 'granted', reason: '', decidedOn: '2027-03-10' });
    expect(Objection.parse(granted.body)).toMatchObject({ scope: 'callback_contact', decision: 'granted', decidedOn: '2027-03-10', restrictedRequests: 1 });
    expect(await claim(agent.token, cb)).toMatchObject({ status: 409, body: { reason: 'restricted' } });
    const record = await rights(dpo.token, id);
    expect(record.objections.map((o) => [o.scope, o.decision, o.restrictedRequests])).toEqual([
      ['customer_care', 'refused', 0],
      ['callback_contact', 'granted', 1],
    ]);
    expect(record.restrictions).toMatchObject([{ source: 'request', recordId: cb, active: true }]);
    // Only the dpo holding a case of this type.
    expect((await post(agent.token, id, '/objections', { ...refused, reason: 'Vertragserfüllung erfordert Kontakt' })).status).toBe(403);
    const other = await caseWith('restriction', []);
    expect(await post(other.dpo.token, other.id, '/objections', { ...refused, reason: 'Vertragserfüllung erfordert Kontakt' })).toMatchObject({ status: 409, body: { reason: 'wrong_type' } });

    // Closed without retention: the case's free texts go with its personal data; the restriction stays in force.
    const closed = await call(backend.url, 'POST', `/api/v1/requests/${id}/events`, dpo.token, { eventId: newEventId(), at: clock.now().toISOString(), type: 'close', data: { outcome: 'resolved', retention: null } });
    expect(closed.status).toBe(200);
    const kept = JSON.stringify([await backend.database.db.select().from(restrictions).where(eq(restrictions.caseId, id)), await backend.database.db.select().from(subjectObjections).where(eq(subjectObjections.caseId, id))]);
    expect(kept).not.toContain('Vertragserfüllung');
    expect(kept).not.toContain('Widerspruch (Art. 21');
    expect(await claim(agent.token, cb)).toMatchObject({ status: 409, body: { reason: 'restricted' } });
  });
});
