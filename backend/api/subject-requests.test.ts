// Issue 17, items 1 and 2 over real HTTP on both drivers: a dpo case marked as a data subject's
// request with its deadline (month ends and leap years by Regulation 1182/71) and one extension,
// every dpo workstation told through the feed without free text; and the Find: a person with a
// callback, a retained contact, SMS and portal records is found completely by each identifier and
// not at all by a stranger's, other customers' records (a shared address) never appear, each
// search is audited with keyed hashes only, and the hits' decisions go with the case's data.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntakeResponse } from '../../shared/intake';
import { SubjectRequestRecord, SubjectSearchResult, type SubjectHit } from '../../shared/subject-requests';
import { subjectHits, subjectRequests, subjectSearches } from '../db/schema';
import { type RunningBackend } from '../server';
import { call, login, newEventId, pullAll, startTestBackend, TEST_DRIVERS, type TestClock } from '../test-support';

const PERSON = { name: 'Jörg Nowak', email: 'joerg.nowak@example.de', phone: '0234 960-1234', e164: '+492349601234', customer: '4711000001' };
const OTHER_CUSTOMER = '4711000099';
const SHARED_IP = '198.51.100.7';

describe.each(TEST_DRIVERS)('%s', (driver) => {
  let backend: RunningBackend;
  let clock: TestClock;

  beforeAll(async () => {
    ({ backend, clock } = await startTestBackend({ driver, demo: false, intakePerMinute: 0, leaseSeconds: 3600 }));
  });
  afterAll(() => backend.close());

  const at = (iso: string) => {
    clock.ms = Date.parse(iso);
  };
  const consent = () => ({ noticeVersion: '2026-11', at: new Date(clock.ms - 60_000).toISOString() });
  async function intake(kind: 'callback' | 'contact' | 'dpo', body: Record<string, unknown>): Promise<string> {
    const res = await fetch(`${backend.url}/api/v1/intake/${kind}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...body, consent: consent() }) });
    expect(res.status).toBe(201);
    return IntakeResponse.parse(await res.json()).id;
  }
  const message = (over: Record<string, unknown> = {}) => ({ salutation: 'Frau', name: 'Paula Probe', email: 'paula.probe@example.org', category: 'other', subject: 'Auskunft nach Art. 15 DSGVO', message: 'Welche Daten haben Sie über mich?', ...over });
  /** The next weekday (Berlin) from the clock's day on: a callback slot the intake accepts. */
  function nextWeekday(): string {
    for (let d = 0; ; d++) {
      const day = new Date(clock.ms + d * 86_400_000);
      if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) return day.toISOString().slice(0, 10);
    }
  }
  async function ingest(path: 'sms' | 'portal-access', records: unknown[]) {
    const res = await fetch(`${backend.url}/api/v1/ingest/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${backend.ingestKey}` }, body: JSON.stringify({ records }) });
    expect(res.status).toBe(200);
  }
  const claim = async (token: string, id: string) => expect((await call(backend.url, 'POST', `/api/v1/requests/${id}/claim`, token, { eventId: newEventId() })).status).toBe(200);
  const change = (token: string, id: string, body: unknown) => call(backend.url, 'POST', `/api/v1/requests/${id}/subject-request`, token, body);
  const search = (token: string, id: string, query: unknown) => call(backend.url, 'POST', `/api/v1/requests/${id}/subject-request/search`, token, query);
  const decide = (token: string, id: string, body: unknown) => call(backend.url, 'POST', `/api/v1/requests/${id}/subject-request/decisions`, token, body);

  /** A fresh dpo case received now, claimed by a fresh dpo session and marked as an Auskunft. */
  async function markedCase(identity: unknown = null, form = message()) {
    const dpo = await login(backend.url, 'dpo');
    const id = await intake('dpo', form);
    await claim(dpo.token, id);
    const answer = await change(dpo.token, id, { action: 'mark', type: 'access', identity });
    expect(answer.status).toBe(200);
    return { dpo, id, record: SubjectRequestRecord.parse(answer.body) };
  }

  describe('deadline (Art. 12(3) GDPR, Regulation 1182/71)', () => {
    it.each([
      ['2027-01-31T10:00:00Z', '2027-02-28', 1, '2027-03-28'],
      ['2028-01-31T10:00:00Z', '2028-02-29', 2, '2028-04-29'],
      ['2027-03-31T10:00:00Z', '2027-04-30', 2, '2027-06-30'],
      // Received late on 31 December UTC is 1 January in Berlin: the period counts from the Berlin day.
      ['2026-12-31T23:30:00Z', '2027-02-01', 2, '2027-04-01'],
    ])('received %s: due %s, extended by %i months from that deadline: %s', async (received, due, months, extended) => {
      at(received);
      const { dpo, id, record } = await markedCase();
      expect(record).toMatchObject({ type: 'access', deadline: due, extendedUntil: null });
      const answer = await change(dpo.token, id, { action: 'extend', months, reason: 'Umfangreiche Datenbestände in drei Systemen', personInformedOn: null });
      expect(answer.status).toBe(200);
      expect(SubjectRequestRecord.parse(answer.body)).toMatchObject({ deadline: due, extendedUntil: extended, personInformedOn: null, extensionReason: 'Umfangreiche Datenbestände in drei Systemen' });
    });

    it('extends once only, by 1 or 2 months, within the first month and with a reason; records when the person was told', async () => {
      at('2027-05-10T08:00:00Z');
      const { dpo, id } = await markedCase();
      expect((await change(dpo.token, id, { action: 'informed', on: '2027-05-10' })).status).toBe(409);
      expect((await change(dpo.token, id, { action: 'extend', months: 3, reason: 'Sehr umfangreiche Anfrage', personInformedOn: null })).status).toBe(400);
      expect((await change(dpo.token, id, { action: 'extend', months: 1, reason: 'kurz', personInformedOn: null })).status).toBe(400);
      clock.advance(3 * 3600);
      expect((await change(dpo.token, id, { action: 'extend', months: 2, reason: 'Sehr umfangreiche Anfrage', personInformedOn: '2027-05-11' })).status).toBe(400);
      expect((await change(dpo.token, id, { action: 'extend', months: 2, reason: 'Sehr umfangreiche Anfrage', personInformedOn: null })).status).toBe(200);
      const again = await change(dpo.token, id, { action: 'extend', months: 1, reason: 'Noch einmal verlängern', personInformedOn: null });
      expect(again).toMatchObject({ status: 409, body: { reason: 'already_extended' } });
      const told = SubjectRequestRecord.parse((await change(dpo.token, id, { action: 'informed', on: '2027-05-10' })).body);
      expect(told).toMatchObject({ deadline: '2027-06-10', extendedUntil: '2027-08-10', extendedOn: '2027-05-10', personInformedOn: '2027-05-10' });

      // Past the deadline an extension is too late.
      at('2027-05-10T08:00:00Z');
      const late = await markedCase();
      at('2027-06-11T08:00:00Z');
      const again2 = await login(backend.url, 'dpo', late.dpo.workstation);
      expect((await change(again2.token, late.id, { action: 'extend', months: 1, reason: 'Zu spät bemerkt, umfangreich', personInformedOn: null })).status).toBe(400);
    });
  });

  it('only the dpo holding the case marks it; every dpo workstation learns type, deadline and extension from the feed, without free text', async () => {
    at('2027-02-15T09:00:00Z');
    const other = await login(backend.url, 'dpo');
    const supervisor = await login(backend.url, 'supervisor');
    const { cursor } = await pullAll(backend.url, other.token);
    const { cursor: supCursor } = await pullAll(backend.url, supervisor.token);
    const dpo = await login(backend.url, 'dpo');
    const agent = await login(backend.url, 'agent');
    const id = await intake('dpo', message());
    const mark = { action: 'mark', type: 'erasure', identity: { method: 'known_address', note: 'Antwort an Anschrift laut Vertrag (Müllerstraße 5)' } };
    expect((await change(dpo.token, id, mark)).status).toBe(409);
    await claim(dpo.token, id);
    expect((await change(agent.token, id, mark)).status).toBe(403);
    expect((await change(other.token, id, mark)).status).toBe(409);
    expect((await call(backend.url, 'GET', `/api/v1/requests/${id}/subject-request`, dpo.token)).body).toMatchObject({ reason: 'not_marked' });
    expect((await change(dpo.token, id, mark)).status).toBe(200);
    expect((await change(dpo.token, id, { action: 'extend', months: 2, reason: 'Daten bei drei Dienstleistern', personInformedOn: '2027-02-15' })).status).toBe(200);

    const events = (await pullAll(backend.url, other.token, 500, cursor)).events.filter((e) => e.type === 'subject.updated');
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ subject: { requestId: id, type: 'erasure', receivedOn: '2027-02-15', deadline: '2027-03-15', extendedUntil: '2027-05-15', personInformedOn: '2027-02-15', identityMethod: 'known_address' } });
    expect(JSON.stringify(events)).not.toMatch(/Müllerstraße|Dienstleistern|Probe/);
    expect((await pullAll(backend.url, supervisor.token, 500, supCursor)).events.filter((e) => e.type === 'subject.updated')).toHaveLength(0);
    const record = SubjectRequestRecord.parse((await call(backend.url, 'GET', `/api/v1/requests/${id}/subject-request`, dpo.token)).body);
    expect(record).toMatchObject({ identityNote: 'Antwort an Anschrift laut Vertrag (Müllerstraße 5)', extensionReason: 'Daten bei drei Dienstleistern' });
    // No place for a copy of an identity document exists.
    expect((await change(dpo.token, id, { ...mark, identity: { method: 'in_person', note: 'ok', document: 'data:image/png;base64,AAAA' } })).status).toBe(400);
  });

  describe('the Find', () => {
    let dpo: { token: string };
    let caseId: string;
    let callbackId: string;
    let contactId: string;
    const smsIds = [randomUUID(), randomUUID()];
    const portalId = randomUUID();

    beforeAll(async () => {
      at('2027-03-10T09:00:00Z');
      callbackId = await intake('callback', { salutation: 'Herr', name: 'jörg  NOWAK', phone: '0234 9601234', preferredDate: nextWeekday(), preferredWindow: { from: '09:00', to: '11:00' }, topic: 'billing', note: null });
      contactId = await intake('contact', message({ name: PERSON.name, subject: 'Abschlag', message: 'Bitte Abschlag senken.', email: 'Joerg.Nowak@Example.de' }));
      // The contact is closed and kept for proof: a retained request.
      const agent = await login(backend.url, 'agent');
      await claim(agent.token, contactId);
      const closed = await call(backend.url, 'POST', `/api/v1/requests/${contactId}/events`, agent.token, { eventId: newEventId(), at: clock.now().toISOString(), type: 'close', data: { outcome: 'resolved', retention: { reason: 'proof', until: '2027-12-31' } } });
      expect(closed.status).toBe(200);
      // Someone else's requests, and another customer on the same address.
      await intake('contact', message({ name: 'Erika Muster', email: 'erika@example.org' }));
      const ago = (minutes: number) => new Date(clock.ms - minutes * 60_000).toISOString();
      await ingest('sms', [
        { id: smsIds[0], customerNumber: PERSON.customer, sentAt: ago(120), ip: SHARED_IP },
        { id: smsIds[1], customerNumber: PERSON.customer, sentAt: ago(60), ip: '2001:db8::7' },
        { id: randomUUID(), customerNumber: OTHER_CUSTOMER, sentAt: ago(90), ip: SHARED_IP },
      ]);
      await ingest('portal-access', [
        { id: portalId, customerNumber: PERSON.customer, at: ago(30), ip: SHARED_IP, action: 'login' },
        { id: randomUUID(), customerNumber: OTHER_CUSTOMER, at: ago(20), ip: SHARED_IP, action: 'login_failed' },
      ]);
      const marked = await markedCase({ method: 'customer_data', note: 'Kundennummer und Vertragskonto abgeglichen' }, message({ name: PERSON.name, email: PERSON.email }));
      dpo = marked.dpo;
      caseId = marked.id;
    });

    const hitIds = (body: unknown) => SubjectSearchResult.parse(body).hits.map((h: SubjectHit) => h.id).sort();

    it.each([
      ['name', { name: ' Jörg Nowak ' }, () => [`request:${callbackId}`, `request:${contactId}`, `request:${caseId}`]],
      ['e-mail', { email: 'JOERG.NOWAK@example.de' }, () => [`request:${contactId}`, `request:${caseId}`]],
      ['phone', { phone: '+49 234 9601234' }, () => [`request:${callbackId}`]],
      ['customer number', { customerNumber: PERSON.customer }, () => [`portal:${portalId}`, `sms:${smsIds[0]}`, `sms:${smsIds[1]}`]],
    ])('finds everything by %s, and nothing of other people', async (_what, query, expected) => {
      const answer = await search(dpo.token, caseId, query);
      expect(answer.status).toBe(200);
      expect(hitIds(answer.body)).toEqual(expected().sort());
      const text = JSON.stringify(answer.body);
      expect(text).not.toContain(OTHER_CUSTOMER);
      expect(text).not.toContain('Erika');
      expect(SubjectSearchResult.parse(answer.body).notSearched).toEqual([]);
    });

    it('finds the records completely: the payload of each request, each send and access', async () => {
      const result = SubjectSearchResult.parse((await search(dpo.token, caseId, { name: PERSON.name, email: PERSON.email, phone: PERSON.phone, customerNumber: PERSON.customer })).body);
      expect(result.searchedBy).toEqual(['name', 'email', 'phone', 'customerNumber']);
      expect(result.hits).toHaveLength(6);
      expect(result.hits.find((h) => h.id === `request:${callbackId}`)).toMatchObject({ kind: 'callback', name: 'jörg  NOWAK', phone: PERSON.e164, matchedBy: ['name', 'phone'] });
      expect(result.hits.find((h) => h.id === `request:${contactId}`)).toMatchObject({ kind: 'contact', status: 'closed', retentionReason: 'proof', retainedUntil: '2027-12-31', email: 'Joerg.Nowak@Example.de', matchedBy: ['name', 'email'] });
      expect(result.hits.find((h) => h.id === `sms:${smsIds[0]}`)).toMatchObject({ source: 'sms', customerNumber: PERSON.customer, ip: SHARED_IP });
      expect(result.hits.find((h) => h.id === `portal:${portalId}`)).toMatchObject({ source: 'portal', action: 'login', ip: SHARED_IP });
    });

    it("finds nothing by a stranger's identifiers", async () => {
      const answer = await search(dpo.token, caseId, { name: 'Max Fremd', email: 'max@fremd.example', phone: '0171 2345678', customerNumber: '4711999999' });
      expect(SubjectSearchResult.parse(answer.body).hits).toEqual([]);
    });

    it('refuses an empty query, an invalid phone, another role or a case not held here', async () => {
      expect((await search(dpo.token, caseId, {})).status).toBe(400);
      expect((await search(dpo.token, caseId, { phone: '12' })).status).toBe(400);
      const agent = await login(backend.url, 'agent');
      expect((await search(agent.token, caseId, { name: PERSON.name })).status).toBe(403);
      const otherDpo = await login(backend.url, 'dpo');
      expect((await search(otherDpo.token, caseId, { name: PERSON.name })).status).toBe(409);
      const unmarked = await intake('dpo', message());
      await claim(otherDpo.token, unmarked);
      expect(await search(otherDpo.token, unmarked, { name: PERSON.name })).toMatchObject({ status: 409, body: { reason: 'not_marked' } });
    });

    it('audits each search at the backend with keyed hashes only; the officer decides each hit with a reason', async () => {
      const audits = await backend.database.db.select().from(subjectSearches).where(eq(subjectSearches.requestId, caseId));
      expect(audits.length).toBeGreaterThanOrEqual(5);
      const stored = JSON.stringify(audits).toLowerCase();
      for (const term of ['nowak', 'joerg', PERSON.customer, '9601234', 'fremd']) expect(stored).not.toContain(term);
      expect(audits.every((a) => a.workstation && a.userId)).toBe(true);

      expect((await decide(dpo.token, caseId, { hitId: `sms:${smsIds[0]}`, decision: 'include', reason: 'Eigene SMS-Nutzung' })).status).toBe(200);
      expect((await decide(dpo.token, caseId, { hitId: `request:${callbackId}`, decision: 'exclude', reason: 'Namensgleichheit, andere Person' })).status).toBe(200);
      expect((await decide(dpo.token, caseId, { hitId: `sms:${randomUUID()}`, decision: 'include', reason: 'frei erfunden' })).status).toBe(404);
      expect((await decide(dpo.token, caseId, { hitId: `sms:${smsIds[1]}`, decision: 'include', reason: '' })).status).toBe(400);
      const record = SubjectRequestRecord.parse((await call(backend.url, 'GET', `/api/v1/requests/${caseId}/subject-request`, dpo.token)).body);
      expect(record.decisions.map((d) => [d.hitId, d.decision, d.reason])).toEqual(
        [
          [`request:${callbackId}`, 'exclude', 'Namensgleichheit, andere Person'],
          [`sms:${smsIds[0]}`, 'include', 'Eigene SMS-Nutzung'],
        ].sort(),
      );
      expect(record.searches.at(-1)).toMatchObject({ by: { displayName: 'Dana Datenschutz' } });
    });

    it('closing the case without retention takes its hits, decisions and free texts; the search audit stays without terms', async () => {
      const closed = await call(backend.url, 'POST', `/api/v1/requests/${caseId}/events`, dpo.token, { eventId: newEventId(), at: clock.now().toISOString(), type: 'close', data: { outcome: 'resolved', retention: null } });
      expect(closed.status).toBe(200);
      expect(await backend.database.db.select().from(subjectHits).where(eq(subjectHits.requestId, caseId))).toEqual([]);
      const [marking] = await backend.database.db.select().from(subjectRequests).where(eq(subjectRequests.requestId, caseId));
      expect(marking).toMatchObject({ identityNote: null, extensionReason: null, type: 'access' });
      expect((await backend.database.db.select().from(subjectSearches).where(eq(subjectSearches.requestId, caseId))).length).toBeGreaterThan(0);
    });
  });
});
