// Issue 16, point 2: holds and disclosures across PCs. The DPO asks for a disclosure and an SMS
// hold on her workstation; the supervisor decides both on her own (separate data directories,
// one real backend over HTTP), reading the officer's justification there; the DPO's workstation
// then shows the approval and exports. Before, the supervisor's PC showed "Noch keine
// Offenlegungen." and she had to log in at the DPO's PC.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBackend } from '../../../backend/server';
import { disclosures as backendDisclosures } from '../../../backend/db/schema';
import { startBackendForTest } from '../../../backend/testing/test-backend';
import type { Desk } from '../desk';
import { smsLog } from '../db/schema';
import { demoDesk } from '../test-support/demo-desk';
import { fixedClock } from '../test-support/fixtures';
import { shiftDate, berlinDate } from '../time/berlin';

// Any date works: backend and desks share this clock.
const clock = fixedClock(process.env.SERVICEDESK_TEST_NOW ?? '2026-11-24T09:15:00Z');
let backend: RunningBackend;
const desks: Desk[] = [];
beforeAll(async () => {
  backend = await startBackendForTest({ seed: 7, demo: { callbacks: 1, sms: 30 }, now: clock });
});
afterAll(async () => {
  await Promise.all(desks.map((d) => d.close()));
  await backend.close();
});

const deskFor = (username: string): Promise<Desk> => demoDesk(desks, backend.url, username, { sync: true, now: clock });
const JUSTIFICATION = 'Ermittlungsersuchen der Staatsanwaltschaft Bochum vom heutigen Tag';

describe('holds and disclosures across workstations', () => {
  it('the DPO asks on her PC, the supervisor decides on hers seeing the reason, the DPO exports the approved package', async () => {
    const dpo = await deskFor('dpo');
    const supervisor = await deskFor('supervisor');
    const records = dpo.db.select().from(smsLog).orderBy(smsLog.sentAt).limit(3).all();
    expect(records).toHaveLength(3);
    const customer = records[0]!.customerNumber;

    const asked = await dpo.invoke('disclosure.create', {
      caseRef: 'DS-2026-17',
      smsIds: records.map((r) => r.id),
      authority: 'Polizeipräsidium Bochum',
      authorityRef: 'KK 11 – 4711/26',
      legalBasis: '§ 100g StPO i. V. m. Art. 6 Abs. 1 lit. c DSGVO',
    });
    expect(asked).toMatchObject({ status: 'pending', mine: true, records: 3, requestedBy: 'Dana Datenschutz' });
    const until = shiftDate(berlinDate(clock()), 60);
    const holds = await dpo.invoke('retention.setSmsHold', { caseRef: 'StA Bochum 12 Js 1/26', customerNumber: customer, until, note: JUSTIFICATION });
    const hold = holds.find((h) => h.type === 'sms')!;
    expect(hold).toMatchObject({ status: 'pending', note: JUSTIFICATION, setBy: 'Dana Datenschutz' });
    const second = (await dpo.invoke('retention.setSmsHold', { caseRef: 'StA Bochum 12 Js 2/26', customerNumber: records[1]!.customerNumber, until, note: 'Vorsorglich, ohne Ersuchen' })).find(
      (h) => h.type === 'sms' && h.id !== hold.id,
    )!;
    // Four eyes at the backend: the DPO's roles cannot decide, on any PC.
    await expect(dpo.invoke('disclosure.decide', { disclosureId: asked.id, decision: 'approved' })).rejects.toMatchObject({ code: 'forbidden' });

    // The supervisor's own workstation: after a sync she sees the package, its records and the hold's reason.
    await supervisor.invoke('sync.now', {});
    const seen = await supervisor.invoke('disclosure.list', {});
    expect(seen).toMatchObject([{ id: asked.id, status: 'pending', mine: false, records: 3, authority: 'Polizeipräsidium Bochum', requestedBy: 'Dana Datenschutz' }]);
    const detail = await supervisor.invoke('disclosure.detail', { disclosureId: asked.id });
    expect(detail.records.map((r) => r.id).sort()).toEqual(records.map((r) => r.id).sort());
    expect(detail.missing).toEqual([]);
    const pending = await supervisor.invoke('retention.holds', {});
    expect(pending.filter((h) => h.type === 'sms')).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: hold.id, status: 'pending', note: JUSTIFICATION, caseRef: 'StA Bochum 12 Js 1/26', setBy: 'Dana Datenschutz' })]),
    );

    // Also on her dashboard, where she decides holds: the officer's justification, not hidden.
    const board = await supervisor.invoke('retention.dashboard', {});
    expect(board.holds.find((h) => h.id === hold.id)).toMatchObject({ note: JUSTIFICATION, status: 'pending' });

    const approved = await supervisor.invoke('disclosure.decide', { disclosureId: asked.id, decision: 'approved', note: 'Beschluss liegt vor' });
    expect(approved).toMatchObject({ status: 'approved', decidedBy: 'Sina Schichtleitung' });
    const confirmed = await supervisor.invoke('retention.confirmSmsHold', { holdId: hold.id });
    expect(confirmed.find((h) => h.id === hold.id)).toMatchObject({ status: 'active', confirmedBy: 'Sina Schichtleitung' });
    const rejected = await supervisor.invoke('retention.rejectSmsHold', { holdId: second.id, note: 'Kein Ersuchen einer Behörde' });
    expect(rejected.find((h) => h.id === second.id)).toBeUndefined();
    // The export is the requesting officer's, on her workstation.
    await expect(supervisor.invoke('disclosure.export', { disclosureId: asked.id })).rejects.toMatchObject({ code: 'forbidden' });

    // Back on the DPO's workstation: the approval and the hold's confirmation arrive with the sync.
    await dpo.invoke('sync.now', {});
    expect(await dpo.invoke('disclosure.list', {})).toMatchObject([{ id: asked.id, status: 'approved', decidedBy: 'Sina Schichtleitung', decisionNote: 'Beschluss liegt vor', mine: true }]);
    const dpoHolds = (await dpo.invoke('retention.holds', {})).filter((h) => h.type === 'sms');
    expect(dpoHolds).toEqual([expect.objectContaining({ id: hold.id, status: 'active', confirmedBy: 'Sina Schichtleitung' })]);
    const exported = await dpo.invoke('disclosure.export', { disclosureId: asked.id });
    expect(exported.manifest).toMatchObject({ records: 3, approvedBy: 'Sina Schichtleitung', requestedBy: 'Dana Datenschutz' });
    for (const file of exported.files) expect(existsSync(file.path)).toBe(true);
    // The folder's end (30 days after the first export) is shown with the entry.
    expect(exported.endsAt).toBe(new Date(clock().getTime() + 30 * 86_400_000).toISOString());
    expect(await dpo.invoke('disclosure.list', {})).toMatchObject([{ exportEndsAt: exported.endsAt, exportPurgedAt: null }]);

    // Holds for the package's customers (disclosure-hold.ts): asked at the backend, none when the period is too long.
    const before = (await dpo.invoke('retention.holds', {})).length;
    await expect(dpo.invoke('disclosure.hold', { disclosureId: asked.id, until: shiftDate(berlinDate(clock()), 181), note: 'Ermittlungsverfahren läuft' })).rejects.toThrow(/höchstens 180 Tage/);
    expect(await dpo.invoke('retention.holds', {})).toHaveLength(before);
    const { holdIds } = await dpo.invoke('disclosure.hold', { disclosureId: asked.id, until, note: 'Ermittlungsverfahren läuft' });
    expect(holdIds).toHaveLength(new Set(records.map((r) => r.customerNumber)).size);
    await supervisor.invoke('sync.now', {});
    const forSupervisor = (await supervisor.invoke('retention.holds', {})).filter((h) => holdIds.includes(h.id));
    expect(forSupervisor).toHaveLength(holdIds.length);
    expect(forSupervisor.every((h) => h.status === 'pending' && h.note!.includes('(KK 11 – 4711/26): Ermittlungsverfahren läuft'))).toBe(true);

    // The backend's register names the records by id only: no customer number, no address.
    const [row] = await backend.database.db.select().from(backendDisclosures);
    const register = JSON.stringify(row);
    for (const r of records) {
      expect(register).toContain(r.id);
      expect(register).not.toContain(r.customerNumber);
      expect(register).not.toContain(r.ip);
    }
  });
});
