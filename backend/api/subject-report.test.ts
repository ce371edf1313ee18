// Issue 17, part 3 over real HTTP on both drivers: the Find reaches the disclosures register (a
// package naming the person's SMS records is found by their customer number, never by a
// stranger's, and shows none of the other customers' records in it); the Auskunft holds exactly
// the included hits with the Art. 15(1) a-h information (the SMS processor, the authority, the
// department a contact went to, the storage periods in force), and the backend records when it
// was produced and sent.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntakeResponse } from '../../shared/intake';
import { SubjectReport, SubjectReportState } from '../../shared/subject-report';
import { SubjectSearchResult } from '../../shared/subject-requests';
import { subjectReports } from '../db/schema';
import { type RunningBackend } from '../server';
import { call, login, newEventId, startTestBackend, TEST_DRIVERS, type TestClock } from '../test-support';

const PERSON = { name: 'Jörg Nowak', email: 'joerg.nowak@example.de', customer: '4711000001' };
const OTHER_CUSTOMER = '4711000099';
const SHARED_IP = '198.51.100.7';

describe.each(TEST_DRIVERS)('%s', (driver) => {
  let backend: RunningBackend;
  let clock: TestClock;
  let dpo: { token: string; workstation: string };
  let caseId: string;
  let contactId: string;
  let disclosureId: string;
  const ownSms = randomUUID();
  const otherSms = randomUUID();
  const portalId = randomUUID();

  const consent = () => ({ noticeVersion: '2026-11', at: new Date(clock.ms - 60_000).toISOString() });
  async function intake(kind: 'contact' | 'dpo', body: Record<string, unknown>): Promise<string> {
    const res = await fetch(`${backend.url}/api/v1/intake/${kind}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...body, consent: consent() }) });
    expect(res.status).toBe(201);
    return IntakeResponse.parse(await res.json()).id;
  }
  const message = (over: Record<string, unknown> = {}) => ({ salutation: 'Herr', name: PERSON.name, email: PERSON.email, category: 'other', subject: 'Auskunft nach Art. 15 DSGVO', message: 'Welche Daten haben Sie über mich?', ...over });
  async function ingest(path: 'sms' | 'portal-access', records: unknown[]) {
    const res = await fetch(`${backend.url}/api/v1/ingest/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${backend.ingestKey}` }, body: JSON.stringify({ records }) });
    expect(res.status).toBe(200);
  }
  const event = (token: string, id: string, type: string, data: unknown) => call(backend.url, 'POST', `/api/v1/requests/${id}/events`, token, { eventId: newEventId(), at: clock.now().toISOString(), type, data });
  const claim = async (token: string, id: string) => expect((await call(backend.url, 'POST', `/api/v1/requests/${id}/claim`, token, { eventId: newEventId() })).status).toBe(200);
  const at = (tail: string) => `/api/v1/requests/${caseId}/subject-request${tail}`;
  const hitIds = (body: unknown) =>
    SubjectSearchResult.parse(body)
      .hits.map((h) => h.id)
      .sort();

  beforeAll(async () => {
    ({ backend, clock } = await startTestBackend({ driver, demo: false, intakePerMinute: 0, leaseSeconds: 3600 }));
    clock.ms = Date.parse('2027-04-12T09:00:00Z');
    // A contact forwarded to billing, then closed and kept for proof.
    contactId = await intake('contact', message({ subject: 'Abschlag', message: 'Bitte Abschlag senken.' }));
    const agent = await login(backend.url, 'agent');
    await claim(agent.token, contactId);
    expect((await event(agent.token, contactId, 'forward', { department: 'billing' })).status).toBe(200);
    expect((await event(agent.token, contactId, 'close', { outcome: 'resolved', retention: { reason: 'proof', until: '2027-12-31' } })).status).toBe(200);
    const ago = (minutes: number) => new Date(clock.ms - minutes * 60_000).toISOString();
    await ingest('sms', [
      { id: ownSms, customerNumber: PERSON.customer, sentAt: ago(120), ip: SHARED_IP },
      { id: otherSms, customerNumber: OTHER_CUSTOMER, sentAt: ago(90), ip: SHARED_IP },
    ]);
    await ingest('portal-access', [{ id: portalId, customerNumber: PERSON.customer, at: ago(30), ip: SHARED_IP, action: 'login' }]);
    // One package for the police with the person's record and another customer's from the same address.
    const officer = await login(backend.url, 'dpo');
    disclosureId = randomUUID();
    const asked = await call(backend.url, 'POST', '/api/v1/disclosures', officer.token, { id: disclosureId, caseRef: 'DS-2027-03', authority: 'Polizeipräsidium Bochum', authorityRef: 'KK 11 – 99/27', legalBasis: '§ 100g StPO', smsIds: [ownSms, otherSms] });
    expect(asked.status).toBe(201);
    const supervisor = await login(backend.url, 'supervisor');
    expect((await call(backend.url, 'POST', `/api/v1/disclosures/${disclosureId}/decision`, supervisor.token, { decision: 'approve' })).status).toBe(200);

    dpo = await login(backend.url, 'dpo');
    caseId = await intake('dpo', message());
    await claim(dpo.token, caseId);
    expect((await call(backend.url, 'POST', at(''), dpo.token, { action: 'mark', type: 'access', identity: null })).status).toBe(200);
  });
  afterAll(() => backend.close());

  it('the Find reaches the disclosures register by customer number, with only the person’s records counted', async () => {
    const answer = await call(backend.url, 'POST', at('/search'), dpo.token, { customerNumber: PERSON.customer });
    expect(hitIds(answer.body)).toEqual([`disclosure:${disclosureId}`, `portal:${portalId}`, `sms:${ownSms}`].sort());
    const result = SubjectSearchResult.parse(answer.body);
    expect(result.notSearched).toEqual([]);
    expect(result.hits.find((h) => h.source === 'disclosure')).toMatchObject({ authority: 'Polizeipräsidium Bochum', caseRef: 'DS-2027-03', status: 'approved', records: 1, matchedBy: ['customerNumber'] });
    expect(JSON.stringify(answer.body)).not.toContain(otherSms);
    expect(JSON.stringify(answer.body)).not.toContain(OTHER_CUSTOMER);
    // A stranger's number finds no package; the other customer of the package is not this case's person.
    expect(SubjectSearchResult.parse((await call(backend.url, 'POST', at('/search'), dpo.token, { customerNumber: '4711999999' })).body).hits).toEqual([]);
  });

  it('refuses an Auskunft before anything is included, for another type, and for anyone but the holder', async () => {
    expect(await call(backend.url, 'POST', at('/report'), dpo.token)).toMatchObject({ status: 409, body: { reason: 'nothing_included' } });
    expect(await call(backend.url, 'GET', at('/report'), dpo.token)).toMatchObject({ status: 200, body: null });
    expect(await call(backend.url, 'POST', at('/report/sent'), dpo.token, { sentOn: '2027-04-12' })).toMatchObject({ status: 409, body: { reason: 'not_produced' } });
    expect((await call(backend.url, 'POST', at('/report'), (await login(backend.url, 'dpo')).token)).status).toBe(409);
    expect((await call(backend.url, 'POST', at('/report'), (await login(backend.url, 'agent')).token)).status).toBe(403);
    const other = await login(backend.url, 'dpo');
    const erasure = await intake('dpo', message({ name: 'Erika Muster', email: 'erika@example.org' }));
    await claim(other.token, erasure);
    await call(backend.url, 'POST', `/api/v1/requests/${erasure}/subject-request`, other.token, { action: 'mark', type: 'erasure', identity: null });
    expect(await call(backend.url, 'POST', `/api/v1/requests/${erasure}/subject-request/report`, other.token)).toMatchObject({ status: 409, body: { reason: 'not_report_type' } });
  });

  it('assembles exactly the included hits with Art. 15(1) a-h, and records when it was produced and sent', async () => {
    const found = await call(backend.url, 'POST', at('/search'), dpo.token, { name: PERSON.name, customerNumber: PERSON.customer });
    expect(hitIds(found.body)).toEqual([`disclosure:${disclosureId}`, `portal:${portalId}`, `request:${caseId}`, `request:${contactId}`, `sms:${ownSms}`].sort());
    const decide = (hitId: string, decision: string) => call(backend.url, 'POST', at('/decisions'), dpo.token, { hitId, decision, reason: 'geprüft' });
    for (const id of [`request:${contactId}`, `sms:${ownSms}`, `disclosure:${disclosureId}`]) expect((await decide(id, 'include')).status).toBe(200);
    expect((await decide(`portal:${portalId}`, 'exclude')).status).toBe(200);
    // request:caseId stays undecided: not in it either.

    const answer = await call(backend.url, 'POST', at('/report'), dpo.token);
    expect(answer.status).toBe(200);
    const report = SubjectReport.parse(answer.body);
    expect(report).toMatchObject({ format: 'servicecenter-desk/auskunft', version: 1, type: 'access', requestId: caseId, addressee: { salutation: 'Herr', name: PERSON.name }, producedBy: 'Dana Datenschutz' });
    expect(report.data.requests).toHaveLength(1);
    expect(report.data.requests[0]).toMatchObject({ kind: 'contact', subject: 'Abschlag', message: 'Bitte Abschlag senken.', retentionReason: 'proof', retainedUntil: '2027-12-31', forwardedTo: ['billing'] });
    expect(report.data.sms).toEqual([{ customerNumber: PERSON.customer, sentAt: '2027-04-12T07:00:00Z', ip: SHARED_IP }]);
    expect(report.data.portal).toEqual([]);
    expect(report.data.disclosures).toEqual([expect.objectContaining({ authority: 'Polizeipräsidium Bochum', caseRef: 'DS-2027-03', legalBasis: '§ 100g StPO', status: 'approved', records: [{ sentAt: report.data.sms[0]!.sentAt, ip: SHARED_IP }] })]);
    const text = JSON.stringify(report);
    expect(text).not.toContain(OTHER_CUSTOMER);
    expect(text).not.toContain(otherSms);

    const info = report.information;
    expect(info.categories.map((c) => c.category)).toEqual(['requests', 'sms', 'disclosures']);
    expect(info.recipients.map((r) => [r.kind, r.recipient])).toEqual([
      ['department', expect.stringContaining('Abrechnung')],
      ['processor', expect.stringContaining('SMS-Dienstleister')],
      ['authority', 'Polizeipräsidium Bochum'],
    ]);
    expect(info.storage.find((s) => s.category === 'sms')).toMatchObject({ period: 90, unit: 'days' });
    expect(info.rights.join(' ')).toMatch(/Art\. 16.*Art\. 17.*Art\. 18.*Art\. 20.*Art\. 21/s);
    expect(info.complaint).toContain('Art. 77');
    expect(info.automatedDecisions).toContain('Art. 22');
    expect(info.sources.map((s) => s.category)).toEqual(['requests', 'sms', 'disclosures']);

    // A supervisor's tightening of the SMS-log period shows in the next Auskunft.
    const supervisor = await login(backend.url, 'supervisor');
    expect((await call(backend.url, 'POST', '/api/v1/rules', supervisor.token, { rule: 'retention', key: 'sms_log', period: 60 })).status).toBe(200);
    const again = SubjectReport.parse((await call(backend.url, 'POST', at('/report'), dpo.token)).body);
    expect(again.information.storage.find((s) => s.category === 'sms')).toMatchObject({ period: 60 });

    const state = SubjectReportState.parse((await call(backend.url, 'GET', at('/report'), dpo.token)).body);
    expect(Date.parse(state.producedAt)).toBe(clock.ms);
    expect(state).toMatchObject({ requestId: caseId, producedBy: 'Dana Datenschutz', items: 3, sentOn: null });
    expect((await call(backend.url, 'POST', at('/report/sent'), dpo.token, { sentOn: '2027-04-13' })).status).toBe(400);
    expect((await call(backend.url, 'POST', at('/report/sent'), dpo.token, { sentOn: 'morgen' })).status).toBe(400);
    const sent = await call(backend.url, 'POST', at('/report/sent'), dpo.token, { sentOn: '2027-04-12' });
    expect(SubjectReportState.parse(sent.body)).toMatchObject({ sentOn: '2027-04-12', sentBy: 'Dana Datenschutz', sentRecordedAt: '2027-04-12T09:00:00Z' });
    expect((await call(backend.url, 'POST', at('/report/sent'), dpo.token, { sentOn: '2027-04-12' })).status).toBe(200);
    clock.advance(86_400);
    dpo = await login(backend.url, 'dpo', dpo.workstation);
    expect(await call(backend.url, 'POST', at('/report/sent'), dpo.token, { sentOn: '2027-04-13' })).toMatchObject({ status: 409, body: { reason: 'already_sent' } });
    expect(await call(backend.url, 'POST', at('/report'), dpo.token)).toMatchObject({ status: 409, body: { reason: 'already_sent' } });
    // The record holds no content of the Auskunft.
    const [row] = await backend.database.db.select().from(subjectReports).where(eq(subjectReports.requestId, caseId));
    expect(JSON.stringify(row)).not.toMatch(/Nowak|Abschlag|4711000001|198\.51/);
  });
});
