// Issue 17, item 6: a data subject's request handled by script. Real CLI processes on a real data
// directory against the real backend: the officer claims a dpo case, marks it, records the identity
// check, extends once, finds the person and decides a hit; then an Auskunft is written and sent, a
// Löschung waits for this workstation's receipt before its confirmation, and a restriction is lifted.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { requests, smsLog } from '../../backend/db/schema';
import { type RunningBackend } from '../../backend/server';
import { backendRequestIds } from '../../backend/testing/inspect';
import { startBackendForTest } from '../../backend/testing/test-backend';
import { SubjectRequestRecord, SubjectSearchResult } from '../../shared/subject-requests';
import { SubjectErasureView } from '../../shared/subject-erasure';
import { SubjectRightsRecord } from '../../shared/subject-rights';
import { tempDir } from '../core/test-support/fixtures';
import { runCli } from './cli-process';
import { berlinDate } from '../core/time/berlin';

const cli = runCli;

let backend: RunningBackend;
beforeAll(async () => {
  backend = await startBackendForTest({ seed: 6, demo: { callbacks: 2, contacts: 1, dpo: 2, equality: 0, sms: 5 } });
});
afterAll(() => backend.close());

// Each call is a fresh Node process compiling TypeScript: generous timeouts for loaded CI machines.
describe('cli subject', { timeout: 240_000 }, () => {
  it('bad subject arguments: the shared schemas’ German message, exit 2, nothing written', async () => {
    const dataDir = path.join(tempDir(), 'never-created');
    const id = '7d1b5c8e-2f4a-4c3e-9b1d-0a2b3c4d5e6f';
    const calls: [string[], RegExp][] = [
      [['subject', 'mark', id, '--type', 'gossip'], /Art des Antrags/],
      [['subject', 'extend', id, '--months', '3', '--reason', 'Viele Systeme zu prüfen'], /Höchstens 2 Monate/],
      [['subject', 'extend', id, '--months', '1', '--reason', 'kurz'], /mindestens 10 Zeichen/],
      [['subject', 'find', id], /mindestens ein Merkmal/],
      [['subject', 'find', id, '--phone', '12'], /gültige Telefonnummer/],
      [['subject', 'decide', id, '--hit', 'request:nope', '--decision', 'include', '--reason', 'weil'], /Unbekannter Treffer/],
      [['subject', 'show', id, '--type', 'access'], /passen nicht zu/],
      [['subject', 'erase-everything', id], /Unbekannter Unterbefehl/],
      [['subject', 'show', 'not-a-uuid'], /Vorgangs-ID/],
      [['subject', 'object', id, '--scope', 'callback_contact', '--decision', 'refused', '--on', '2026-01-05'], /zwingende schutzwürdige Gründe/],
      [['subject', 'rectify', id, '--target', id], /mindestens ein Feld/],
      [['subject', 'rectify', id, '--target', id, '--email', 'kein-at-zeichen'], /E-Mail/],
      [['subject', 'restrict', id, '--reason', 'Richtigkeit wird bestritten'], /mindestens einen Treffer/],
      [['subject', 'decide', id, '--hit', `sms:${id}`, '--hit', `portal:${id}`, '--decision', 'include', '--reason', 'weil'], /nur einmal/],
      [['subject', 'report-sent', id, '--on', 'gestern'], /Versanddatum/],
    ];
    const results = await Promise.all(calls.map(([args]) => cli(dataDir, ...args)));
    results.forEach((result, i) => {
      const [args, message] = calls[i]!;
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(message);
    });
    expect(existsSync(dataDir)).toBe(false);
  });

  it('marks, checks identity, extends, finds and decides a dpo case; an agent is refused', async () => {
    const dpoDir = tempDir();
    expect((await cli(dpoDir, 'login', '--backend', backend.url, '--username', 'dpo', '--password', 'dpo')).code).toBe(0);
    expect((await cli(dpoDir, 'sync')).code).toBe(0);
    const [caseId] = await backendRequestIds(backend.database.db, 'dpo');
    const [row] = await backend.database.db.select({ name: requests.name }).from(requests).where(eq(requests.id, caseId!));

    const unclaimed = await cli(dpoDir, 'subject', 'show', caseId!);
    expect(unclaimed.code).toBe(1);
    expect((await cli(dpoDir, 'claim', caseId!)).code).toBe(0);
    expect((await cli(dpoDir, 'subject', 'show', caseId!)).stdout).toMatch(/nicht als Betroffenenantrag gekennzeichnet/);

    const marked = await cli(dpoDir, 'subject', 'mark', caseId!, '--type', 'access', '--identity', 'customer_data', '--identity-note', 'Kundennummer abgeglichen');
    expect(marked.code, marked.stderr).toBe(0);
    expect(marked.stdout).toMatch(/^Gespeichert\. Auskunft \(Art\. 15 DSGVO\): Frist \d{4}-\d{2}-\d{2}\./);
    const extended = await cli(dpoDir, 'subject', 'extend', caseId!, '--months', '2', '--reason', 'Daten in mehreren Systemen');
    expect(extended.stdout).toMatch(/verlängert bis \d{4}-\d{2}-\d{2}/);
    const again = await cli(dpoDir, 'subject', 'extend', caseId!, '--months', '1', '--reason', 'Noch einmal verlängern');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/eine Verlängerung/);

    const found = await cli(dpoDir, 'subject', 'find', caseId!, '--name', row!.name!, '--json');
    expect(found.code, found.stderr).toBe(0);
    const result = SubjectSearchResult.parse(JSON.parse(found.stdout));
    expect(result.hits.map((h) => h.id)).toContain(`request:${caseId}`);
    const decided = await cli(dpoDir, 'subject', 'decide', caseId!, '--hit', `request:${caseId}`, '--decision', 'include', '--reason', 'Der Antrag selbst');
    expect(decided.stdout).toMatch(/aufgenommen/);

    const record = SubjectRequestRecord.parse(JSON.parse((await cli(dpoDir, 'subject', 'show', caseId!, '--json')).stdout));
    expect(record).toMatchObject({ type: 'access', identityMethod: 'customer_data', identityNote: 'Kundennummer abgeglichen', extensionReason: 'Daten in mehreren Systemen', personInformedOn: null });
    expect(record.searches).toHaveLength(1);
    expect(record.decisions).toMatchObject([{ hitId: `request:${caseId}`, decision: 'include', reason: 'Der Antrag selbst' }]);
    const text = await cli(dpoDir, 'subject', 'show', caseId!);
    expect(text.stdout).toMatch(/Identität: Abgleich mit Kundendaten/);
    expect(text.stdout).toMatch(/Person informiert am – \(noch nicht\)/);

    const agentDir = tempDir();
    await cli(agentDir, 'login', '--backend', backend.url, '--username', 'agent', '--password', 'agent');
    const refused = await cli(agentDir, 'subject', 'show', caseId!);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Rolle|Datenschutzbeauftragte/);
  });
  it('writes an Auskunft, erases a person’s SMS records with every receipt, and restricts and lifts', async () => {
    // A backend of its own: no other test's workstation has read these SMS records (it would owe a receipt).
    const backend = await startBackendForTest({ seed: 7, demo: { callbacks: 1, contacts: 0, dpo: 4, equality: 0, sms: 8 } });
    onTestFinished(() => backend.close());
    const dpoDir = tempDir();
    await cli(dpoDir, 'login', '--backend', backend.url, '--username', 'dpo', '--password', 'dpo');
    expect((await cli(dpoDir, 'sync')).code).toBe(0);
    const [accessCase, erasureCase, restrictionCase] = await backendRequestIds(backend.database.db, 'dpo');
    const [person] = await backend.database.db.select({ name: requests.name }).from(requests).where(eq(requests.id, accessCase!));
    const [sms] = await backend.database.db.select({ id: smsLog.id, customerNumber: smsLog.customerNumber }).from(smsLog).limit(1);

    // Auskunft: mark, find, include, write the letter and the JSON, record the day it was sent.
    expect((await cli(dpoDir, 'claim', accessCase!)).code).toBe(0);
    await cli(dpoDir, 'subject', 'mark', accessCase!, '--type', 'access');
    await cli(dpoDir, 'subject', 'find', accessCase!, '--name', person!.name!);
    await cli(dpoDir, 'subject', 'decide', accessCase!, '--hit', `request:${accessCase}`, '--decision', 'include', '--reason', 'Der Antrag selbst');
    const report = await cli(dpoDir, 'subject', 'report', accessCase!);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toMatch(/^Auskunft in .*subject-reports.* \(1 Einträge; Manifest SHA-256 [0-9a-f]{64}\)\.\nNoch nicht als versandt vermerkt/);
    const today = berlinDate(new Date());
    const sent = await cli(dpoDir, 'subject', 'report-sent', accessCase!, '--on', today);
    expect(sent.stdout, sent.stderr).toMatch(new RegExp(`Versandt am ${today}; die Dateien werden am \\S+ gelöscht\\.`));

    // Löschung: the customer's SMS records go at the backend and here; the receipts close it.
    expect((await cli(dpoDir, 'claim', erasureCase!)).code).toBe(0);
    await cli(dpoDir, 'subject', 'mark', erasureCase!, '--type', 'erasure');
    const found = SubjectSearchResult.parse(JSON.parse((await cli(dpoDir, 'subject', 'find', erasureCase!, '--customer', sms!.customerNumber, '--json')).stdout));
    const smsHits = found.hits.filter((h) => h.source === 'sms');
    expect(smsHits.length).toBeGreaterThan(0);
    for (const hit of smsHits) await cli(dpoDir, 'subject', 'decide', erasureCase!, '--hit', hit.id, '--decision', 'include', '--reason', 'Daten der Person');
    const unconfirmed = await cli(dpoDir, 'subject', 'erase', erasureCase!);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/ausdrücklich bestätigen/);
    const erased = await cli(dpoDir, 'subject', 'erase', erasureCase!, '--confirm');
    expect(erased.code, erased.stderr).toBe(0);
    expect(erased.stdout).toContain(`${smsHits.length} SMS-Einträge`);
    expect(await backend.database.db.select().from(smsLog).where(eq(smsLog.customerNumber, sms!.customerNumber))).toEqual([]);
    // This workstation's own copy is proven gone only by its receipt, sent at the next sync.
    const early = await cli(dpoDir, 'subject', 'confirmation', erasureCase!);
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/sobald alle Arbeitsplätze die Löschung belegt haben; es fehlen noch 1/);
    expect((await cli(dpoDir, 'sync')).code).toBe(0);
    const view = SubjectErasureView.parse(JSON.parse((await cli(dpoDir, 'subject', 'erasure', erasureCase!, '--json')).stdout));
    expect(view.erasure).toMatchObject({ awaiting: 0, counts: { sms: smsHits.length } });
    const confirmation = await cli(dpoDir, 'subject', 'confirmation', erasureCase!);
    expect(confirmation.code, confirmation.stderr).toBe(0);
    expect(confirmation.stdout).toMatch(/Löschbestätigung und Nachweis in .*erasure-/);

    // Einschränkung: only on a case marked so; restrict another customer's SMS record, see it, lift it.
    const wrongType = await cli(dpoDir, 'subject', 'restrict', accessCase!, '--hit', `request:${accessCase}`, '--reason', 'Richtigkeit wird bestritten');
    expect(wrongType.code).toBe(1);
    const [other] = await backend.database.db.select({ id: smsLog.id, customerNumber: smsLog.customerNumber }).from(smsLog).limit(1);
    expect((await cli(dpoDir, 'claim', restrictionCase!)).code).toBe(0);
    await cli(dpoDir, 'subject', 'mark', restrictionCase!, '--type', 'restriction');
    await cli(dpoDir, 'subject', 'find', restrictionCase!, '--customer', other!.customerNumber);
    await cli(dpoDir, 'subject', 'decide', restrictionCase!, '--hit', `sms:${other!.id}`, '--decision', 'include', '--reason', 'Daten der Person');
    const restricted = await cli(dpoDir, 'subject', 'restrict', restrictionCase!, '--hit', `sms:${other!.id}`, '--reason', 'Richtigkeit wird bestritten');
    expect(restricted.code, restricted.stderr).toBe(0);
    const rights = SubjectRightsRecord.parse(JSON.parse((await cli(dpoDir, 'subject', 'rights', restrictionCase!, '--json')).stdout));
    expect(rights.restrictions).toMatchObject([{ source: 'sms', recordId: other!.id, active: true, reason: 'Richtigkeit wird bestritten' }]);
    const lifted = await cli(dpoDir, 'subject', 'lift', restrictionCase!, '--restriction', rights.restrictions[0]!.id, '--reason', 'Richtigkeit inzwischen geprüft');
    expect(lifted.stdout, lifted.stderr).toMatch(/aufgehoben/);
    expect((await cli(dpoDir, 'subject', 'rights', restrictionCase!)).stdout).toMatch(/Einschränkungen: 0 aktiv, 1 aufgehoben/);
  });
});
