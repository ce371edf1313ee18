// Issue 17, part 3 through the desks over real HTTP: a person with a callback, a contact request
// forwarded and then closed with retention for proof, SMS and portal records (another customer
// used the same IP address) and a disclosure of their SMS record to the police is found
// completely by each identifier on the holder's dpo workstation and not at all by a stranger's;
// the Auskunft written there (PDF letter and JSON, private folder, manifest hash) holds every
// included item and no other person's data; a second dpo workstation cannot produce it; after
// "sent" plus the proof period the retention sweep destroys the files and keeps a local proof.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBackend } from '../../../backend/server';
import { call, login, newEventId } from '../../../backend/test-support';
import { startBackendForTest } from '../../../backend/testing/test-backend';
import { IntakeResponse } from '../../../shared/intake';
import { SUBJECT_REPORT_PROOF_DAYS, SUBJECT_REPORT_UNSENT_DAYS, SubjectReport } from '../../../shared/subject-report';
import type { Desk } from '../desk';
import { receipts } from '../db/schema';
import { demoDesk } from '../test-support/demo-desk';
import { fixedClock } from '../test-support/fixtures';
import { deletionLog } from '../retention/exports/deletion-log';
import { pdfText } from '../test-support/pdf-text';
import { berlinDate, berlinDayStart, shiftDate } from '../time/berlin';

// Any date works: backend and desks share this clock.
const clock = fixedClock(process.env.SERVICEDESK_TEST_NOW ?? '2026-11-24T09:15:00Z');
const PERSON = { name: 'Jörg Nowak', email: 'joerg.nowak@example.de', phone: '0234 960-1234', e164: '+492349601234', customer: '4711000001' };
const OTHER = { customer: '4711000099', name: 'Erika Muster', email: 'erika.muster@example.org' };
const SHARED_IP = '198.51.100.7';
const STRANGER = { name: 'Max Fremd', email: 'max@fremd.example', phone: '0171 2345678', customerNumber: '4711999999' };

let backend: RunningBackend;
const desks: Desk[] = [];
const ids = { callback: '', contact: '', other: '', case: '', ownSms: randomUUID(), otherSms: randomUUID(), portal: randomUUID(), otherPortal: randomUUID(), disclosure: randomUUID() };

async function intake(kind: 'callback' | 'contact' | 'dpo', body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${backend.url}/api/v1/intake/${kind}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, consent: { noticeVersion: '2026-11', at: new Date(clock().getTime() - 60_000).toISOString() } }),
  });
  expect(res.status).toBe(201);
  return IntakeResponse.parse(await res.json()).id;
}
async function ingest(path: 'sms' | 'portal-access', records: unknown[]) {
  const res = await fetch(`${backend.url}/api/v1/ingest/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${backend.ingestKey}` }, body: JSON.stringify({ records }) });
  expect(res.status).toBe(200);
}
const message = (over: Record<string, unknown>) => ({ salutation: 'Herr', name: PERSON.name, email: PERSON.email, category: 'other', subject: 'Auskunft', message: 'Welche Daten haben Sie über mich?', ...over });
function nextWeekday(): string {
  for (let d = 1; ; d++) {
    const day = new Date(clock().getTime() + d * 86_400_000);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) return day.toISOString().slice(0, 10);
  }
}

beforeAll(async () => {
  backend = await startBackendForTest({ demo: false, intakePerMinute: 0, leaseSeconds: 3600, now: clock });
  ids.callback = await intake('callback', { salutation: 'Herr', name: PERSON.name, phone: PERSON.phone, preferredDate: nextWeekday(), preferredWindow: { from: '09:00', to: '11:00' }, topic: 'billing', note: null });
  ids.contact = await intake('contact', message({ subject: 'Abschlag', message: 'Bitte Abschlag senken.' }));
  ids.other = await intake('contact', message({ name: OTHER.name, email: OTHER.email, subject: 'Zählerstand', message: 'Mein Zählerstand ist 4711.' }));
  const agent = await login(backend.url, 'agent');
  const event = (id: string, type: string, data: unknown) => call(backend.url, 'POST', `/api/v1/requests/${id}/events`, agent.token, { eventId: newEventId(), at: clock().toISOString(), type, data });
  expect((await call(backend.url, 'POST', `/api/v1/requests/${ids.contact}/claim`, agent.token, { eventId: newEventId() })).status).toBe(200);
  expect((await event(ids.contact, 'forward', { department: 'billing' })).status).toBe(200);
  expect((await event(ids.contact, 'close', { outcome: 'resolved', retention: { reason: 'proof', until: shiftDate(berlinDate(clock()), 300) } })).status).toBe(200);
  const ago = (minutes: number) => new Date(clock().getTime() - minutes * 60_000).toISOString();
  await ingest('sms', [
    { id: ids.ownSms, customerNumber: PERSON.customer, sentAt: ago(120), ip: SHARED_IP },
    { id: ids.otherSms, customerNumber: OTHER.customer, sentAt: ago(90), ip: SHARED_IP },
  ]);
  await ingest('portal-access', [
    { id: ids.portal, customerNumber: PERSON.customer, at: ago(30), ip: SHARED_IP, action: 'login' },
    { id: ids.otherPortal, customerNumber: OTHER.customer, at: ago(20), ip: SHARED_IP, action: 'login_failed' },
  ]);
  // A package for the police with both customers' records from the shared address, approved (four eyes).
  const officer = await login(backend.url, 'dpo');
  const asked = await call(backend.url, 'POST', '/api/v1/disclosures', officer.token, { id: ids.disclosure, caseRef: 'DS-2026-31', authority: 'Polizeipräsidium Bochum', authorityRef: 'KK 11 – 99/26', legalBasis: '§ 100g StPO', smsIds: [ids.ownSms, ids.otherSms] });
  expect(asked.status).toBe(201);
  const supervisor = await login(backend.url, 'supervisor');
  expect((await call(backend.url, 'POST', `/api/v1/disclosures/${ids.disclosure}/decision`, supervisor.token, { decision: 'approve' })).status).toBe(200);
  ids.case = await intake('dpo', message({}));
});
afterAll(async () => {
  await Promise.all(desks.map((d) => d.close()));
  await backend.close();
});

describe('the Auskunft of a data subject across workstations', () => {
  it('is found completely by each identifier, written with every included item and nobody else’s data, and ends after sent + proof period', async () => {
    const holder = await demoDesk(desks, backend.url, 'dpo', { sync: true, now: clock });
    const colleague = await demoDesk(desks, backend.url, 'officer', { sync: true, now: clock });
    await holder.invoke('request.claim', { requestId: ids.case });
    await holder.invoke('subject.change', { requestId: ids.case, change: { action: 'mark', type: 'access', identity: { method: 'customer_data', note: 'Kundennummer abgeglichen' } } });

    // Before anything is included there is nothing to write.
    await expect(holder.invoke('subject.report.produce', { requestId: ids.case })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('Noch kein Treffer') });
    expect(await holder.invoke('subject.report.read', { requestId: ids.case })).toBeNull();

    const found = async (query: Record<string, string>) => (await holder.invoke('subject.search', { requestId: ids.case, query })).hits.map((h) => h.id).sort();
    expect(await found({ name: PERSON.name })).toEqual([`request:${ids.callback}`, `request:${ids.contact}`, `request:${ids.case}`].sort());
    expect(await found({ email: PERSON.email })).toEqual([`request:${ids.contact}`, `request:${ids.case}`].sort());
    expect(await found({ phone: PERSON.phone })).toEqual([`request:${ids.callback}`]);
    expect(await found({ customerNumber: PERSON.customer })).toEqual([`disclosure:${ids.disclosure}`, `portal:${ids.portal}`, `sms:${ids.ownSms}`].sort());
    expect(await found(STRANGER)).toEqual([]);
    const all = await holder.invoke('subject.search', { requestId: ids.case, query: { name: PERSON.name, email: PERSON.email, phone: PERSON.phone, customerNumber: PERSON.customer } });
    expect(all.notSearched).toEqual([]);
    const searched = JSON.stringify(all);
    for (const foreign of [OTHER.customer, OTHER.name, ids.otherSms, ids.otherPortal, ids.other]) expect(searched).not.toContain(foreign);

    const included = [`request:${ids.callback}`, `request:${ids.contact}`, `sms:${ids.ownSms}`, `portal:${ids.portal}`, `disclosure:${ids.disclosure}`];
    for (const hitId of included) await holder.invoke('subject.decide', { requestId: ids.case, hitId, decision: 'include', reason: 'Daten der Person' });
    await holder.invoke('subject.decide', { requestId: ids.case, hitId: `request:${ids.case}`, decision: 'exclude', reason: 'Der Antrag selbst' });

    // Only the holder's workstation writes it.
    await expect(colleague.invoke('subject.report.produce', { requestId: ids.case })).rejects.toMatchObject({ code: 'conflict' });

    const files = await holder.invoke('subject.report.produce', { requestId: ids.case });
    // Not yet sent: a forgotten folder still ends, three months after it was written.
    expect(files).toMatchObject({ items: 5, sentOn: null, endsAt: berlinDayStart(berlinDate(clock()), SUBJECT_REPORT_UNSENT_DAYS), purgedAt: null, producedBy: 'Dana Datenschutz' });
    expect(files.files.map((f) => f.name).sort()).toEqual(['auskunft.json', 'auskunft.pdf']);
    if (process.platform !== 'win32') {
      expect(statSync(files.dir).mode & 0o777).toBe(0o700);
      for (const f of files.files) expect(statSync(f.path).mode & 0o777).toBe(0o600);
    }
    for (const f of files.files) expect(createHash('sha256').update(readFileSync(f.path)).digest('hex')).toBe(f.sha256);
    expect(createHash('sha256').update(readFileSync(files.manifestPath)).digest('hex')).toBe(files.manifestSha256);

    const jsonFile = files.files.find((f) => f.name === 'auskunft.json')!;
    const report = SubjectReport.parse(JSON.parse(readFileSync(jsonFile.path, 'utf8')));
    expect(report.data.requests.map((r) => r.kind).sort()).toEqual(['callback', 'contact']);
    expect(report.data.requests.find((r) => r.kind === 'callback')).toMatchObject({ name: PERSON.name, phone: PERSON.e164 });
    expect(report.data.requests.find((r) => r.kind === 'contact')).toMatchObject({ email: PERSON.email, message: 'Bitte Abschlag senken.', retentionReason: 'proof', forwardedTo: ['billing'] });
    expect(report.data.sms).toEqual([expect.objectContaining({ customerNumber: PERSON.customer, ip: SHARED_IP })]);
    expect(report.data.portal).toEqual([expect.objectContaining({ customerNumber: PERSON.customer, action: 'login' })]);
    expect(report.data.disclosures).toEqual([expect.objectContaining({ authority: 'Polizeipräsidium Bochum', status: 'approved', records: [expect.objectContaining({ ip: SHARED_IP })] })]);
    const json = readFileSync(jsonFile.path, 'utf8');
    for (const foreign of [OTHER.customer, OTHER.name, OTHER.email, 'Zählerstand', ids.otherSms, 'Welche Daten haben Sie']) expect(json).not.toContain(foreign);

    const text = (await pdfText(readFileSync(files.files.find((f) => f.name === 'auskunft.pdf')!.path))).join('\n');
    for (const expected of [
      'Stadtwerke Servicecenter',
      'Auskunft nach Art. 15 DSGVO',
      `Herr ${PERSON.name}`,
      PERSON.email,
      PERSON.e164,
      'Bitte Abschlag senken.',
      'Abrechnung',
      PERSON.customer,
      SHARED_IP,
      'Anmeldung',
      'Polizeipräsidium Bochum',
      'a) Zwecke der Verarbeitung',
      'c) Empfänger',
      'SMS-Dienstleister',
      'd) Speicherdauer',
      '90 Tagen',
      'Art. 77',
      'h) Automatisierte Entscheidungsfindung',
    ]) {
      expect(text).toContain(expected);
    }
    for (const foreign of [OTHER.customer, OTHER.name, 'Zählerstand']) expect(text).not.toContain(foreign);

    // Sent today: the files stay until the day sent + proof period, then the sweep destroys them.
    const today = berlinDate(clock());
    await expect(holder.invoke('subject.report.sent', { requestId: ids.case, sentOn: shiftDate(today, 1) })).rejects.toMatchObject({ code: 'invalid_input' });
    const sent = await holder.invoke('subject.report.sent', { requestId: ids.case, sentOn: today });
    const endsAt = berlinDayStart(today, SUBJECT_REPORT_PROOF_DAYS);
    expect(sent).toMatchObject({ sentOn: today, endsAt, purgedAt: null });
    await expect(holder.invoke('subject.report.produce', { requestId: ids.case })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('versandt') });

    clock.set(new Date(Date.parse(endsAt) - 60_000).toISOString());
    // A month later the session has ended: she logs in again (the sweep itself also runs on a timer without anyone).
    await holder.invoke('session.login', { backendUrl: backend.url, username: 'dpo', password: 'dpo' });
    await holder.invoke('retention.sweep', {});
    expect(existsSync(files.dir)).toBe(true);
    clock.set(new Date(Date.parse(endsAt) + 60_000).toISOString());
    await holder.invoke('retention.sweep', {});
    expect(existsSync(files.dir)).toBe(false);
    const after = await holder.invoke('subject.report.read', { requestId: ids.case });
    expect(after).toMatchObject({ purgedAt: expect.any(String), files: [], manifestSha256: files.manifestSha256 });
    expect(holder.db.select().from(receipts).all().filter((r) => r.rule === 'subject_report_ended' && r.requestId === ids.case)).toHaveLength(1);
    // The Löschprotokoll shows it, named by the case, as this workstation's proof.
    const day = berlinDate(clock());
    expect(deletionLog(holder.db, day, day)).toContainEqual(expect.objectContaining({ subject: ids.case, kind: 'subject_report', rule: 'subject_report_ended', workstation: 'dieser Arbeitsplatz' }));

    // The chain records each step with counts and hashes only.
    const audit = JSON.stringify(holder.db.$client.prepare("SELECT action, details FROM audit_log WHERE action LIKE 'subject.report%'").all());
    expect(audit).toContain('subject.report_purged');
    for (const secret of [PERSON.name, PERSON.email, PERSON.customer, SHARED_IP]) expect(audit).not.toContain(secret);
  });
});
