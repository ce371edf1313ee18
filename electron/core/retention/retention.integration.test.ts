// Retention across workstations, through the desk gate and the real reference backend: an
// agent purges, the supervisor's feed brings the receipt, the dashboard and the Löschprotokoll
// show it, and nobody without the role gets in.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBackend } from '../../../backend/server';
import { startBackendForTest } from '../../../backend/testing/test-backend';
import type { Desk } from '../desk';
import { filesBelow, scanFiles } from './raw-scan';
import { demoDesk } from '../test-support/demo-desk';
import { pdfText } from '../test-support/pdf-text';

let backend: RunningBackend;
const desks: Desk[] = [];
beforeAll(async () => {
  backend = await startBackendForTest({ seed: 7, demo: { callbacks: 6, contacts: 3, dpo: 1, equality: 1, sms: 20 } });
});
afterAll(async () => {
  await Promise.all(desks.map((d) => d.close()));
  await backend.close();
});

const deskFor = (username: string): Promise<Desk> => demoDesk(desks, backend.url, username, { sync: true });

describe('retention through the desk', () => {
  it('agent purges a callback; the supervisor sees the receipt, the dashboard and the export', async () => {
    const agent = await deskFor('agent');
    const supervisor = await deskFor('supervisor');
    const [row] = await agent.invoke('queue.list', { kinds: ['callback'], statuses: ['open'] });
    await agent.invoke('request.claim', { requestId: row!.id });
    const detail = await agent.invoke('request.detail', { requestId: row!.id });
    const name = detail.personal!.name;
    await agent.invoke('request.close', { requestId: row!.id, outcome: 'resolved' });
    await agent.invoke('sync.now', {}); // sends the close and the receipt
    expect(scanFiles(filesBelow(agent.dataDir), [name])).toEqual([]);

    await supervisor.invoke('sync.now', {});
    const board = await supervisor.invoke('retention.dashboard', {});
    const callbacks = board.perKind.find((k) => k.kind === 'callback')!;
    expect(callbacks.purged30d).toBe(1);
    expect(callbacks.awaitingPurge).toBe(0);
    expect(board.overdue).toEqual([]);
    expect(board.purgesPerDay.reduce((n, d) => n + d.count, 0)).toBe(1);
    expect(JSON.stringify(board)).not.toContain(name);

    const csv = await supervisor.invoke('retention.export', { document: 'protocol_csv', from: '2020-01-01', to: '2030-01-01' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text).toContain(row!.id);
    expect(text).not.toContain(name);
    // Rules by their German names, as on the dashboard, not the wire's ids.
    expect(text).toContain(`;${row!.id};Rückruf;Rückruf abgeschlossen;`);
    expect(text).toMatch(/;SMS vor \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2};SMS-Protokoll;SMS-Frist abgelaufen;/);
    expect(text).not.toContain('callback_closed');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(readFileSync(csv.path, 'utf8')).toBe(text);
    // Each deletion once (issue 16): this workstation's own receipts come back in the feed under its id.
    await supervisor.invoke('sync.now', {});
    const again = Buffer.from((await supervisor.invoke('retention.export', { document: 'protocol_csv', from: '2020-01-01', to: '2030-01-01' })).base64, 'base64').toString('utf8');
    const subjects = again.trim().split(/\r?\n/).slice(1).map((line) => line.split(';')[1]);
    expect(subjects.filter((s) => s?.startsWith('SMS vor')).length).toBeGreaterThan(0);
    expect(new Set(subjects).size).toBe(subjects.length);
    const protocolPdf = await supervisor.invoke('retention.export', { document: 'protocol_pdf', from: '2020-01-01', to: '2030-01-01' });
    // The agent's receipt plus this workstation's own SMS cuts.
    expect(protocolPdf).toMatchObject({ mimeType: 'application/pdf', fileName: 'loeschprotokoll-2020-01-01_2030-01-01.pdf' });
    expect(protocolPdf.rows).toBe(csv.rows);
    const protocolText = (await pdfText(Buffer.from(protocolPdf.base64, 'base64'))).join('\n');
    expect(protocolText).toMatch(/Rückruf\s+abgeschlossen/);
    expect(protocolText).toContain('Zeitraum 01.01.2020 bis 01.01.2030');
    expect(protocolText).not.toContain(name);
    const pdf = await supervisor.invoke('retention.export', { document: 'concept_pdf' });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rows).toBe(9);
    // What can remain after deletion, as SECURITY.md measured it at the backend.
    const concept = (await pdfText(Buffer.from(pdf.base64, 'base64'))).join(' ').replace(/\s+/g, ' ');
    expect(concept).toContain('Was nach dem Löschen bleiben kann');
    expect(concept).toContain('Am Arbeitsplatz: nichts.');
    expect(concept).toContain('secure_delete');
    expect(concept).toContain('jeder Wert zweimal im Write-Ahead-Log (WAL) und bis zu zweimal im Speicher der Tabelle der Anfragen');
    expect(concept).toContain('nach VACUUM FULL nur noch im WAL, sonst nirgends');
    expect(concept).toMatch(/Stand: \d{1,2}\. [A-ZÄÖÜa-zäöü]+ \d{4}\./);
  });

  it('roles: only supervisors see the dashboard and change rules; only officers set SMS holds; four eyes', async () => {
    const agent = await deskFor('agent');
    await expect(agent.invoke('retention.dashboard', {})).rejects.toMatchObject({ code: 'forbidden' });
    await expect(agent.invoke('retention.changeRule', { key: 'sms_log', period: 30 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(agent.invoke('retention.setSmsHold', { caseRef: 'AZ 1/26', customerNumber: '123', until: '2099-01-01', note: 'Anzeige' })).rejects.toMatchObject({ code: 'forbidden' });

    const dpo = await deskFor('dpo');
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const holds = await dpo.invoke('retention.setSmsHold', { caseRef: 'StA Bochum 12 Js 1/26', customerNumber: '4711', until, note: 'Strafanzeige wegen SMS-Missbrauchs' });
    expect(holds).toMatchObject([{ type: 'sms', status: 'pending', caseRef: 'StA Bochum 12 Js 1/26', until }]);
    await expect(dpo.invoke('retention.confirmSmsHold', { holdId: holds[0]!.id })).rejects.toMatchObject({ code: 'forbidden' });
    const tooLong = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
    await expect(dpo.invoke('retention.setSmsHold', { caseRef: 'AZ 2/26', customerNumber: '4711', until: tooLong, note: 'zu lang' })).rejects.toThrow(/höchstens 180 Tage/);

    const supervisor = await deskFor('supervisor');
    await expect(supervisor.invoke('retention.changeRule', { key: 'sms_log', period: 91 })).rejects.toThrow(/höchstens 90 Tage/);
    const rules = await supervisor.invoke('retention.changeRule', { key: 'sms_log', period: 60 });
    expect(rules.find((r) => r.key === 'sms_log')).toMatchObject({ period: 60, updatedBy: expect.any(String) });
  });
});
