// The local register of disclosures (the backend's copy, issue 16): exported only when approved
// and only by the officer who asked, with a manifest whose hashes match the files; the register
// never copies the SMS values. Asking and deciding (four eyes) are the backend's: disclosures.integration.test.ts.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditLog, smsLog } from '../db/schema';
import { fixedClock, tempDatabase } from '../test-support/fixtures';
import { ipKey } from '../sms/ip-key';
import { exportDisclosure } from './disclosure-export';
import { nextExportEnd, purgeEndedExports } from './disclosure-export-end';
import { deletionLog } from '../retention/exports/deletion-log';
import type { BackendDisclosure } from '../../../shared/disclosures';
import { applyBackendDisclosure } from './backend-disclosures';
import { disclosureDetail, disclosureEntry, listDisclosures } from './disclosures';

const dana = { userId: 'u-dpo', displayName: 'Dana Datenschutz' };
const sina = { userId: 'u-sup', displayName: 'Sina Schichtleitung' };
const clock = () => now();
let now = fixedClock('2026-11-26T12:00:00.000Z');

function world() {
  now = fixedClock('2026-11-26T12:00:00.000Z');
  const w = tempDatabase();
  const ids = ['2026-11-20T10:00:00.000Z', '2026-11-20T10:01:00.000Z', '2026-11-20T10:02:00.000Z'].map((sentAt, i) => {
    const id = randomUUID();
    w.db.insert(smsLog).values({ id, customerNumber: `98765${i}`, sentAt, ip: '2001:db8::42', ipKey: ipKey('2001:db8::42') }).run();
    return id;
  });
  const input = { caseRef: 'DS-2026-17', smsIds: ids, authority: 'Polizeipräsidium Bochum', authorityRef: 'KK 11 – 4711/26', legalBasis: '§ 100g StPO i. V. m. Art. 6 Abs. 1 lit. c DSGVO' };
  return { ...w, ids, input };
}

type Db = ReturnType<typeof tempDatabase>['db'];
type Input = ReturnType<typeof world>['input'];
const actor = (s: { userId: string; displayName: string }) => ({ userId: s.userId, displayName: s.displayName });

/** The backend's states of one package as the feed brings them. */
function asked(db: Db, input: Input): BackendDisclosure {
  const d: BackendDisclosure = { id: randomUUID(), ...input, status: 'requested', requestedBy: actor(dana), requestedAt: clock().toISOString(), decidedBy: null, decidedAt: null, decisionNote: null };
  applyBackendDisclosure(db, d);
  return d;
}
function decided(db: Db, d: BackendDisclosure, status: 'approved' | 'rejected', note: string | null = null): void {
  applyBackendDisclosure(db, { ...d, status, decidedBy: actor(sina), decidedAt: clock().toISOString(), decisionNote: note });
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('disclosures to authorities', () => {
  it('exports only an approved package, only for the officer who asked; hashes match the manifest', async () => {
    const { db, dir, input } = world();
    const d = asked(db, input);
    const entry = disclosureEntry(db, dana, d.id);
    expect(entry).toMatchObject({ status: 'pending', records: 3, requestedBy: 'Dana Datenschutz', mine: true });
    await expect(exportDisclosure(db, clock, dir, dana, entry.id)).rejects.toMatchObject({ code: 'conflict' });
    decided(db, d, 'approved');
    // The feed may repeat an event, or bring an older state again: the decision stays.
    applyBackendDisclosure(db, d);
    decided(db, d, 'rejected', 'später');
    expect(disclosureEntry(db, sina, d.id)).toMatchObject({ status: 'approved', decidedBy: 'Sina Schichtleitung', mine: false, records: 3 });
    await expect(exportDisclosure(db, clock, dir, sina, entry.id)).rejects.toMatchObject({ code: 'forbidden' });

    const out = await exportDisclosure(db, clock, dir, dana, entry.id);
    expect(out.dir).toBe(path.join(dir, 'exports', entry.id));
    expect(out.files.map((f) => f.name)).toEqual(['disclosure.pdf', 'disclosure.csv', 'disclosure.json']);
    for (const file of out.files) {
      expect(existsSync(file.path)).toBe(true);
      expect(sha(file.path)).toBe(out.manifest.files.find((m) => m.name === file.name)!.sha256);
    }
    expect(sha(out.manifestPath)).toBe(out.manifestSha256);
    expect(readFileSync(out.files[0]!.path).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(out.files[1]!.path, 'utf8').split('\r\n')[1]).toMatch(/^[\w-]+;987650;2026-11-20T10:00:00.000Z;2001:db8::42$/);
    expect(JSON.parse(readFileSync(out.files[2]!.path, 'utf8')).records).toHaveLength(3);
    expect(listDisclosures(db, sina)[0]).toMatchObject({ status: 'approved', manifestSha256: out.manifestSha256 });
  });

  it('the exported folder ends 30 days after the first export: deleted by the sweep, in the Löschprotokoll, never written again', async () => {
    const { db, dir, input } = world();
    const d = asked(db, input);
    decided(db, d, 'approved');
    const first = await exportDisclosure(db, clock, dir, dana, d.id);
    expect(first.endsAt).toBe('2026-12-26T12:00:00.000Z');
    now.set('2026-12-01T12:00:00.000Z');
    // Written again (a lost file): the end stays.
    expect((await exportDisclosure(db, clock, dir, dana, d.id)).endsAt).toBe(first.endsAt);
    expect(disclosureEntry(db, dana, d.id)).toMatchObject({ exportEndsAt: first.endsAt, exportPurgedAt: null });
    expect(nextExportEnd(db)).toBe(first.endsAt);

    now.set('2026-12-26T11:59:59.000Z');
    expect(purgeEndedExports(db, clock, dir)).toBe(0);
    expect(existsSync(first.dir)).toBe(true);
    now.set('2026-12-26T12:00:00.000Z');
    expect(purgeEndedExports(db, clock, dir)).toBe(1);
    expect(existsSync(first.dir)).toBe(false);
    expect(purgeEndedExports(db, clock, dir)).toBe(0);
    expect(nextExportEnd(db)).toBeNull();
    expect(disclosureEntry(db, dana, d.id)).toMatchObject({ exportPurgedAt: '2026-12-26T12:00:00.000Z', manifestSha256: expect.any(String) });
    expect(deletionLog(db, '2026-12-26', '2026-12-26')).toEqual([expect.objectContaining({ subject: d.id, kind: 'disclosure_export', rule: 'disclosure_export_ended', workstation: 'dieser Arbeitsplatz' })]);
    expect(db.select().from(auditLog).all().map((e) => e.action)).toContain('disclosure.export_purged');
    // Local proof only: nothing for the backend's receipts.
    expect(db.$client.prepare("SELECT status FROM receipts WHERE rule = 'disclosure_export_ended'").all()).toEqual([{ status: 'local' }]);
    await expect(exportDisclosure(db, clock, dir, dana, d.id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('a rejected package is never exported, and the register holds no SMS values', async () => {
    const { db, dir, input } = world();
    const entry = asked(db, input);
    decided(db, entry, 'rejected', 'Rechtsgrundlage fehlt');
    await expect(exportDisclosure(db, clock, dir, dana, entry.id)).rejects.toMatchObject({ code: 'conflict' });
    const register = JSON.stringify(db.$client.prepare('SELECT * FROM disclosures, disclosure_items, disclosure_approvals').all());
    expect(register).not.toContain('98765');
    expect(register).not.toContain('2001:db8');
    expect(JSON.stringify(db.select().from(auditLog).all())).not.toContain('98765');
  });

  it('reports records purged since', () => {
    const { db, input, ids } = world();
    const entry = asked(db, input);
    db.$client.prepare('DELETE FROM sms_log WHERE id = ?').run(ids[0]);
    const detail = disclosureDetail(db, clock, sina, entry.id);
    expect(detail.records).toHaveLength(2);
    expect(detail.missing).toEqual([ids[0]]);
  });
});
