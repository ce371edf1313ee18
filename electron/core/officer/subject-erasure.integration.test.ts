// Issue 17, item 4, through real desks over real HTTP: an agent desk holds the person's callback
// (claimed), the dpo's and a supervisor's desks hold the person's SMS and portal records from the
// feed, and a fourth desk (a lead's) read them too and is then lost. The officer executes the
// Löschung on her desk: afterwards a dump of the backend and a raw-byte scan of every remaining
// workstation's files find none of the erased values; the held customer's SMS stays, listed with
// its reason. The case stays open until the receipts are in, the lost desk counting once retired;
// then the Löschbestätigung and the proof hold none of the erased values either.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBackend } from '../../../backend/server';
import { call, login } from '../../../backend/test-support';
import { rowsOf } from '../../../backend/db/database';
import { startBackendForTest } from '../../../backend/testing/test-backend';
import { IntakeResponse } from '../../../shared/intake';
import type { Desk } from '../desk';
import { filesBelow, scanFiles } from '../retention/raw-scan';
import { demoDesk } from '../test-support/demo-desk';
import { pdfText } from '../test-support/pdf-text';

let backend: RunningBackend;
const desks: Desk[] = [];
beforeAll(async () => {
  backend = await startBackendForTest({ demo: false, intakePerMinute: 0 });
});
afterAll(async () => {
  await Promise.all(desks.map((d) => d.close()));
  await backend.close();
});

const hex = () => randomBytes(5).toString('hex');
const digits = (n: number) => Array.from({ length: n }, () => String(randomInt(10))).join('');
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function nextWeekday(): string {
  for (let d = 1; ; d++) {
    const date = new Date(Date.now() + d * 86_400_000);
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) return date.toISOString().slice(0, 10);
  }
}

/** Every row of every table of the backend, as JSON text: what an operator's dump would hold. */
async function backendDump(): Promise<string> {
  const db = backend.database.db;
  const tables = await rowsOf<{ name: string }>(db, sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
  expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['requests', 'sms_log', 'portal_access', 'feed_events', 'subject_erasures']));
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await rowsOf<{ row: string }>(db, sql`SELECT row_to_json(t)::text AS row FROM ${sql.identifier(name)} t`);
    parts.push(`-- ${name}\n${rows.map((r) => r.row).join('\n')}`);
  }
  return parts.join('\n');
}

describe('a Löschung on the backend and every workstation holding a copy', () => {
  it('erases everywhere, keeps the held record, closes only after every receipt or retirement, and confirms without the erased data', { timeout: 180_000 }, async () => {
    const name = `Erika Löschbar ${hex()}`;
    const m = {
      phone: `0234 96${digits(5)}`,
      note: `Rückrufnotiz ${hex()}`,
      customer: `5${digits(9)}`,
      smsIp: `198.18.${randomInt(256)}.${randomInt(1, 255)}`,
      portalIp: `198.19.${randomInt(256)}.${randomInt(1, 255)}`,
    };
    const held = { customer: `6${digits(9)}`, ip: `203.0.113.${randomInt(1, 255)}` };
    const consent = () => ({ noticeVersion: '2026-11', at: new Date(Date.now() - 60_000).toISOString() });
    const intake = async (kind: string, body: Record<string, unknown>) => {
      const res = await fetch(`${backend.url}/api/v1/intake/${kind}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...body, consent: consent() }) });
      expect(res.status).toBe(201);
      return IntakeResponse.parse(await res.json()).id;
    };
    const ingest = async (log: string, records: unknown[]) => {
      const res = await fetch(`${backend.url}/api/v1/ingest/${log}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${backend.ingestKey}` }, body: JSON.stringify({ records }) });
      expect(res.status).toBe(200);
    };
    const callback = await intake('callback', { salutation: 'Frau', name, phone: m.phone, preferredDate: nextWeekday(), preferredWindow: { from: '09:00', to: '11:00' }, topic: 'billing', note: m.note });
    const caseId = await intake('dpo', { salutation: 'Frau', name, email: `loeschung-${hex()}@example.de`, category: 'other', subject: 'Löschung Art. 17', message: 'Bitte löschen Sie alles.' });
    const recent = new Date(Date.now() - 5 * 86_400_000).toISOString();
    await ingest('sms', [
      { id: randomUUID(), customerNumber: m.customer, sentAt: recent, ip: m.smsIp },
      { id: randomUUID(), customerNumber: held.customer, sentAt: recent, ip: held.ip },
    ]);
    await ingest('portal-access', [{ id: randomUUID(), customerNumber: m.customer, at: recent, ip: m.portalIp, action: 'login' }]);
    // The held customer: asked by the dpo, confirmed by a supervisor (four eyes, at the backend).
    const asked = await call(backend.url, 'POST', '/api/v1/holds', (await login(backend.url, 'dpo')).token, { caseRef: 'StA Bochum 3 Js 4/26', customerNumber: held.customer, until: day(60), reason: 'Ermittlungsersuchen' });
    expect((await call(backend.url, 'POST', `/api/v1/holds/${(asked.body as { id: string }).id}/decision`, (await login(backend.url, 'supervisor')).token, { decision: 'confirm' })).status).toBe(200);

    const agent = await demoDesk(desks, backend.url, 'agent', { sync: true });
    const dpo = await demoDesk(desks, backend.url, 'dpo', { sync: true });
    const supervisor = await demoDesk(desks, backend.url, 'supervisor', { sync: true });
    const lost = await demoDesk(desks, backend.url, 'lead', { sync: true });
    await agent.invoke('request.claim', { requestId: callback });
    const holding = [agent, dpo, supervisor];
    // Before: each desk holds its copies (the scan can see them).
    expect(scanFiles(filesBelow(agent.dataDir), [m.note]).length).toBeGreaterThan(0);
    for (const desk of [dpo, supervisor, lost]) expect(scanFiles(filesBelow(desk.dataDir), [m.smsIp, m.portalIp, held.ip]).map((f) => f.marker)).toEqual(expect.arrayContaining([m.smsIp, m.portalIp, held.ip]));

    // The officer's Löschung.
    await dpo.invoke('request.claim', { requestId: caseId });
    await dpo.invoke('subject.change', { requestId: caseId, change: { action: 'mark', type: 'erasure', identity: { method: 'customer_data', note: 'Kundennummer abgeglichen' } } });
    const hits = [
      ...(await dpo.invoke('subject.search', { requestId: caseId, query: { name, customerNumber: m.customer } })).hits,
      ...(await dpo.invoke('subject.search', { requestId: caseId, query: { customerNumber: held.customer } })).hits,
    ];
    for (const hit of hits) await dpo.invoke('subject.decide', { requestId: caseId, hitId: hit.id, decision: 'include', reason: 'Antrag auf Löschung' });
    const { plan } = await dpo.invoke('subject.erasure', { requestId: caseId });
    expect(plan!.erase.map((i) => i.source).sort()).toEqual(['portal', 'request', 'sms']);
    expect(plan!.keep.map((k) => `${k.source}:${k.reason}:${k.until}`).sort()).toEqual([`request:this_case:null`, `sms:hold:${day(60)}`]);
    await expect(dpo.invoke('subject.erase', { requestId: caseId, confirm: false } as never)).rejects.toMatchObject({ code: 'invalid_input' });
    const { erasure } = await dpo.invoke('subject.erase', { requestId: caseId, confirm: true });
    expect(erasure).toMatchObject({ counts: { request: 1, sms: 1, portal: 1 }, awaiting: 4 });

    // Open until the receipts are in: the close is refused on the desk, and nothing changed.
    await expect(dpo.invoke('request.close', { requestId: caseId, outcome: 'resolved' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('4 Arbeitsplätzen') });
    await expect(dpo.invoke('subject.confirmation', { requestId: caseId })).rejects.toMatchObject({ code: 'conflict' });

    for (const desk of holding) await desk.invoke('sync.now', {});
    const progress = (await dpo.invoke('subject.erasure', { requestId: caseId })).erasure!;
    expect(progress.awaiting).toBe(1);
    expect(progress.workstations.filter((w) => w.status === 'received')).toHaveLength(3);
    await expect(dpo.invoke('request.close', { requestId: caseId, outcome: 'resolved' })).rejects.toMatchObject({ message: expect.stringContaining('einem Arbeitsplatz') });

    // The lead's notebook is lost: a supervisor retires it elsewhere; it counts as retired, not as purged.
    const retirer = await login(backend.url, 'supervisor');
    const lostId = progress.workstations.find((w) => w.status === 'awaiting')!.workstation;
    expect((await call(backend.url, 'POST', `/api/v1/workstations/${lostId}/retire`, retirer.token, { reason: 'Notebook verloren' })).status).toBe(200);
    const done = (await dpo.invoke('subject.erasure', { requestId: caseId })).erasure!;
    expect(done.awaiting).toBe(0);
    expect(done.workstations.find((w) => w.workstation === lostId)).toMatchObject({ status: 'retired' });

    // The proof: no erased value in a dump of the backend nor in any byte of the three desks' files.
    const erasedValues = [m.note, m.phone, m.customer, m.smsIp, m.portalIp];
    const dump = await backendDump();
    for (const value of erasedValues) expect(dump.includes(value), `${value} in the backend dump`).toBe(false);
    expect(dump).toContain(held.ip);
    for (const desk of holding) expect(scanFiles(filesBelow(desk.dataDir), erasedValues), desk.dataDir).toEqual([]);
    // Held items excepted and listed: the held SMS stays on the dpo and supervisor desks, with its reason in the record.
    for (const desk of [dpo, supervisor]) expect(scanFiles(filesBelow(desk.dataDir), [held.ip]).length).toBeGreaterThan(0);
    expect(done.kept.find((k) => k.source === 'sms')).toMatchObject({ reason: 'hold', until: day(60) });

    // The Löschbestätigung and the proof, then the close.
    const confirmation = await dpo.invoke('subject.confirmation', { requestId: caseId });
    expect(confirmation.files.map((f) => f.name)).toEqual(['loeschbestaetigung.pdf', 'loeschnachweis.json']);
    const letter = (await pdfText(readFileSync(confirmation.files[0]!.path))).join('\n').replace(/\s+/g, ' ');
    expect(letter).toContain('Bestätigung der Löschung');
    expect(letter).toContain('Einträge im Protokoll des Frei-SMS-Dienstes: ein Eintrag');
    expect(letter).toContain('gesperrt wegen eines behördlichen Ersuchens');
    const proof = JSON.parse(readFileSync(confirmation.files[1]!.path, 'utf8')) as Record<string, unknown>;
    expect(proof).toMatchObject({ counts: { request: 1, sms: 1, portal: 1 }, awaiting: 0, retiredWorkstations: [{ workstation: lostId }] });
    expect((proof.receipts as unknown[]).length).toBe(3);
    for (const value of [...erasedValues, name, held.customer, held.ip]) {
      expect(letter.includes(value), `${value} in the letter`).toBe(false);
      expect(JSON.stringify(proof).includes(value), `${value} in the proof`).toBe(false);
    }
    await dpo.invoke('request.close', { requestId: caseId, outcome: 'resolved' });
    await dpo.invoke('sync.now', {});
    expect(scanFiles(filesBelow(dpo.dataDir), erasedValues)).toEqual([]);
  });
});
