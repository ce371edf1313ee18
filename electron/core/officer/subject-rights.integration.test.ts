// Issue 17 part 5 through real desks and a real backend over HTTP. Berichtigung: the dpo corrects
// the e-mail of a contact request an agent's workstation holds; after its next sync that
// workstation shows the new value and the old one is in none of its files (raw-byte scan), nor at
// the backend; a second agent's workstation never had it. Einschränkung: a restricted request
// cannot be claimed on another desk (German reason), a restricted SMS record is left out of the
// lookup (counted) and cannot be disclosed, a restricted portal access is not shown either; the
// queue row says "restricted"; lifting restores all of it. Widerspruch: recorded.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests as backendRequests } from '../../../backend/db/schema';
import { type RunningBackend } from '../../../backend/server';
import { startBackendForTest } from '../../../backend/testing/test-backend';
import { IntakeResponse } from '../../../shared/intake';
import type { Desk } from '../desk';
import { filesBelow, scanFiles } from '../retention/raw-scan';
import { demoDesk } from '../test-support/demo-desk';

const PERSON = { name: 'Jörg Nowak', customer: '4711000017' };
const OLD_EMAIL = 'joerg.nowakk-alt@example.de';
const NEW_EMAIL = 'joerg.nowak@example.de';

let backend: RunningBackend;
const desks: Desk[] = [];
beforeAll(async () => {
  backend = await startBackendForTest({ seed: 17, demo: false, intakePerMinute: 0 });
});
afterAll(async () => {
  await Promise.all(desks.map((d) => d.close()));
  await backend.close();
});

async function intake(kind: 'contact' | 'dpo', over: Record<string, unknown> = {}): Promise<string> {
  const body = { salutation: 'Herr', name: PERSON.name, email: NEW_EMAIL, category: 'other', subject: 'Rechnung', message: 'Bitte melden Sie sich.', consent: { noticeVersion: '2026-11', at: new Date(Date.now() - 60_000).toISOString() }, ...over };
  const res = await fetch(`${backend.url}/api/v1/intake/${kind}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  return IntakeResponse.parse(await res.json()).id;
}

/** A dpo case of this type claimed on the dpo's desk, its Find run by name and customer number, the given hits included. */
async function caseOn(dpo: Desk, type: 'rectification' | 'restriction' | 'objection', include: (hits: string[]) => string[]): Promise<string> {
  const caseId = await intake('dpo', { subject: 'Antrag nach DSGVO', message: 'Bitte berichtigen bzw. einschränken.' });
  await dpo.invoke('sync.now', {});
  expect(await dpo.invoke('request.claim', { requestId: caseId })).toMatchObject({ delivery: 'sent' });
  await dpo.invoke('subject.change', { requestId: caseId, change: { action: 'mark', type, identity: { method: 'customer_data', note: 'Kundennummer abgeglichen' } } });
  const found = await dpo.invoke('subject.search', { requestId: caseId, query: { name: PERSON.name, customerNumber: PERSON.customer } });
  for (const hitId of include(found.hits.map((h) => h.id))) await dpo.invoke('subject.decide', { requestId: caseId, hitId, decision: 'include', reason: 'Gehört der Person' });
  return caseId;
}

describe('Berichtigung, Einschränkung and Widerspruch across workstations', () => {
  it('a correction reaches the workstation holding the request; the old value is gone from its files and from the backend', async () => {
    const target = await intake('contact', { email: OLD_EMAIL });
    const holder = await demoDesk(desks, backend.url, 'agent', { sync: true });
    const colleague = await demoDesk(desks, backend.url, 'agent2', { sync: true });
    const dpo = await demoDesk(desks, backend.url, 'dpo', { sync: true });
    expect(await holder.invoke('request.claim', { requestId: target })).toMatchObject({ delivery: 'sent' });
    expect((await holder.invoke('request.detail', { requestId: target })).personal?.email).toBe(OLD_EMAIL);
    // The scan finds what is there: without this, "nothing found" would prove nothing.
    expect(scanFiles(filesBelow(holder.dataDir), [OLD_EMAIL]).length).toBeGreaterThan(0);

    const caseId = await caseOn(dpo, 'rectification', (hits) => hits.filter((h) => h === `request:${target}`));
    await expect(dpo.invoke('subject.rectify', { requestId: caseId, targetId: target, changes: { email: 'kein-mail' } })).rejects.toMatchObject({ code: 'invalid_input' });
    const done = await dpo.invoke('subject.rectify', { requestId: caseId, targetId: target, changes: { email: NEW_EMAIL } });
    expect(done).toMatchObject({ targetId: target, fields: ['email'] });

    await holder.invoke('sync.now', {});
    await colleague.invoke('sync.now', {});
    expect((await holder.invoke('request.detail', { requestId: target })).personal?.email).toBe(NEW_EMAIL);
    for (const desk of [holder, colleague, dpo]) expect(scanFiles(filesBelow(desk.dataDir), [OLD_EMAIL])).toEqual([]);
    const [row] = await backend.database.db.select().from(backendRequests).where(eq(backendRequests.id, target));
    expect(row?.email).toBe(NEW_EMAIL);
    expect((await dpo.invoke('subject.rights', { requestId: caseId })).rectifications).toMatchObject([{ targetId: target, fields: ['email'] }]);
    // The dpo's chain says which fields of which request, never the value.
    const audit = JSON.stringify(dpo.db.$client.prepare("SELECT details FROM audit_log WHERE action = 'subject.rectify'").all());
    expect(audit).toContain('email');
    expect(audit).not.toContain(NEW_EMAIL);
  });

  it('a restricted request cannot be claimed from another desk, a restricted SMS record is not shown by a lookup and cannot be disclosed; lifting restores', async () => {
    const contact = await intake('contact', { subject: 'Zählerstand' });
    const smsId = randomUUID();
    const portalId = randomUUID();
    const logged = await fetch(`${backend.url}/api/v1/ingest/portal-access`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${backend.ingestKey}` },
      body: JSON.stringify({ records: [{ id: portalId, customerNumber: PERSON.customer, at: new Date(Date.now() - 1_800_000).toISOString(), ip: '198.51.100.17', action: 'login' }] }),
    });
    expect(logged.status).toBe(200);
    const sent = await fetch(`${backend.url}/api/v1/ingest/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${backend.ingestKey}` },
      body: JSON.stringify({ records: [{ id: smsId, customerNumber: PERSON.customer, sentAt: new Date(Date.now() - 3_600_000).toISOString(), ip: '198.51.100.17' }] }),
    });
    expect(sent.status).toBe(200);
    const dpo = await demoDesk(desks, backend.url, 'dpo', { sync: true });
    const synced = await demoDesk(desks, backend.url, 'agent', { sync: true });
    const unsynced = await demoDesk(desks, backend.url, 'agent2', { sync: true });
    const caseId = await caseOn(dpo, 'restriction', (hits) => hits.filter((h) => [`request:${contact}`, `sms:${smsId}`, `portal:${portalId}`].includes(h)));
    const made = await dpo.invoke('subject.restrict', { requestId: caseId, hitIds: [`request:${contact}`, `sms:${smsId}`, `portal:${portalId}`], reason: 'Richtigkeit wird bestritten (Art. 18 Abs. 1 lit. a)' });
    expect(made).toHaveLength(3);

    // A desk that synced knows and refuses at once; one that did not is refused by the backend, in German too.
    await synced.invoke('sync.now', {});
    expect(synced.db.$client.prepare('SELECT active FROM restricted_records WHERE record_id = ?').get(contact)).toEqual({ active: 1 });
    // The queue row says so, and offers no claim (the renderer reads `restricted`).
    expect((await synced.invoke('queue.list', {})).find((r) => r.id === contact)).toMatchObject({ restricted: true });
    await expect(synced.invoke('request.claim', { requestId: contact })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('eingeschränkt (Art. 18 DSGVO)') });
    const refused = await unsynced.invoke('request.claim', { requestId: contact });
    expect(refused).toMatchObject({ delivery: 'rejected', message: expect.stringContaining('eingeschränkt (Art. 18 DSGVO)') });
    expect((await unsynced.invoke('request.detail', { requestId: contact })).personal).toBeNull();

    await dpo.invoke('sync.now', {});
    const lookup = await dpo.invoke('sms.lookup', { customerNumber: PERSON.customer, caseRef: 'DS-2027-17', purpose: 'Betroffenenantrag prüfen' });
    expect(lookup.records.map((r) => r.id)).not.toContain(smsId);
    expect(lookup.restricted).toBe(1);
    const pkg = { caseRef: 'DS-2027-17', smsIds: [smsId], authority: 'Polizeipräsidium Bochum', authorityRef: 'AZ 17/27', legalBasis: '§ 100g StPO' };
    const portal = await dpo.invoke('portal.lookup', { customerNumber: PERSON.customer, caseRef: 'DS-2027-17', purpose: 'Betroffenenantrag prüfen' });
    expect(portal.records.map((r) => r.id)).not.toContain(portalId);
    expect(portal.restricted).toBe(1);
    await expect(dpo.invoke('disclosure.create', pkg)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('eingeschränkt') });

    for (const r of made) await dpo.invoke('subject.lift', { requestId: caseId, restrictionId: r.id, reason: 'Richtigkeit geprüft und bestätigt' });
    await dpo.invoke('sync.now', {});
    await synced.invoke('sync.now', {});
    const again = await dpo.invoke('sms.lookup', { customerNumber: PERSON.customer, caseRef: 'DS-2027-17', purpose: 'Betroffenenantrag prüfen' });
    expect(again.records.map((r) => r.id)).toContain(smsId);
    expect(again.restricted).toBe(0);
    expect((await dpo.invoke('portal.lookup', { customerNumber: PERSON.customer, caseRef: 'DS-2027-17', purpose: 'Betroffenenantrag prüfen' })).records.map((r) => r.id)).toContain(portalId);
    expect((await synced.invoke('queue.list', {})).find((r) => r.id === contact)).toMatchObject({ restricted: false });
    expect(await synced.invoke('request.claim', { requestId: contact })).toMatchObject({ delivery: 'sent' });
    expect((await dpo.invoke('disclosure.create', pkg)).records).toBe(1);
  });

  it('an objection is recorded with its scope, decision, grounds and date', async () => {
    const dpo = await demoDesk(desks, backend.url, 'dpo', { sync: true });
    const caseId = await caseOn(dpo, 'objection', () => []);
    await expect(
      dpo.invoke('subject.object', { requestId: caseId, objection: { scope: 'customer_care', purpose: null, decision: 'refused', reason: 'kurz', decidedOn: '2027-01-15' } }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const recorded = await dpo.invoke('subject.object', {
      requestId: caseId,
      objection: { scope: 'customer_care', purpose: null, decision: 'refused', reason: 'Vertragserfüllung erfordert die Ablesung', decidedOn: '2027-01-15' },
    });
    expect(recorded).toMatchObject({ scope: 'customer_care', decision: 'refused', decidedOn: '2027-01-15', restrictedRequests: 0 });
    expect((await dpo.invoke('subject.rights', { requestId: caseId })).objections).toMatchObject([{ reason: 'Vertragserfüllung erfordert die Ablesung' }]);
  });
});
