// Issue 12, item 2: nothing from the backend runs as a formula in a spreadsheet. A receipt with a
// rule name outside PURGE_RULES is quarantined (counted, its content not kept) instead of landing
// in the Löschprotokoll; every CSV export goes through the one writer, which escapes formulae.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { csvDocument } from '../../csv-document';
import { openDesk, type Desk } from '../../desk';
import { remoteReceipts } from '../../db/schema';
import { SCRIPTED_URL, scriptedBackend } from '../../test-support/scripted-backend';
import { tempDir } from '../../test-support/fixtures';

const EVIL_RULE = '=HYPERLINK("http://evil.example/x","OK")';
const PURGED_AT = '2026-11-24T09:00:00.000Z';
const RANGE = { from: '2026-11-01', to: '2026-11-30' } as const;

const desks: Desk[] = [];
afterEach(async () => {
  await Promise.all(desks.splice(0).map((d) => d.close()));
});

async function supervisorDesk() {
  const backend = scriptedBackend({ id: 'u-sup', displayName: 'Sina Schichtleitung', roles: ['supervisor'] });
  const desk = openDesk({ dataDir: tempDir(), host: 'cli', fetch: backend.fetch });
  desks.push(desk);
  await desk.invoke('session.login', { backendUrl: SCRIPTED_URL, username: 'supervisor', password: 'supervisor' });
  return { desk, backend };
}

function receiptEvent(rule: string, requestId = randomUUID()) {
  return { id: randomUUID(), type: 'receipt.recorded', at: PURGED_AT, receipt: { requestId, workstation: randomUUID(), purgedAt: PURGED_AT, rule } };
}

async function protocolCsv(desk: Desk): Promise<string> {
  const file = await desk.invoke('retention.export', { document: 'protocol_csv', ...RANGE });
  return Buffer.from(file.base64, 'base64').toString('utf8');
}

describe('CSV formula injection', () => {
  it('a receipt with an unknown rule from the backend is quarantined, counted and never printed', async () => {
    const { desk, backend } = await supervisorDesk();
    const good = randomUUID();
    const evil = randomUUID();
    backend.feed = [receiptEvent('case_closed', good), receiptEvent(EVIL_RULE, evil)];
    const report = await desk.invoke('sync.now', {});
    expect(report.quarantined).toBe(1);
    expect(desk.db.select().from(remoteReceipts).all().map((r) => r.subject)).toEqual([good]);
    const quarantined = desk.db.$client.prepare('SELECT * FROM quarantine').all();
    expect(JSON.stringify(quarantined)).not.toContain('HYPERLINK');

    const csv = await protocolCsv(desk);
    expect(csv).toContain(good);
    expect(csv).not.toContain(evil);
    expect(csv).not.toContain('HYPERLINK');
  });

  it('a bad rule stored by an older version does not reach the Löschprotokoll', async () => {
    const { desk } = await supervisorDesk();
    const subject = randomUUID();
    desk.db.insert(remoteReceipts).values({ subject, workstation: randomUUID(), purgedAt: PURGED_AT, rule: EVIL_RULE }).run();
    const csv = await protocolCsv(desk);
    expect(csv).not.toMatch(/(^|;)"?=/m);
    expect(csv).not.toContain('HYPERLINK');
  });

  it('the one writer: semicolons, CRLF, BOM, and every formula-starting cell escaped', () => {
    const cells = ['=1+1', '+49 234 1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR', 'harmlos', 'Rückruf; mit "Zitat"'];
    const text = csvDocument(['a'], cells.map((c) => [c])).toString('utf8');
    expect(text.startsWith('\uFEFFa\r\n')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines.slice(1, 7)).toEqual(['"\'=1+1"', '"\'+49 234 1"', '"\'-2+3"', '"\'@SUM(A1)"', '"\'\tTAB"', '"\'\rCR"']);
    expect(lines[7]).toBe('harmlos');
    expect(lines[8]).toBe('"Rückruf; mit ""Zitat"""');
  });
});
