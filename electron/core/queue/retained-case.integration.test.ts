// Issue 16, item 3, through the desks: an agent closes a contact with a retention on her PC. The
// note reaches the backend, which keeps the case; her PC's copy is gone from the database file at
// once (read past the core), its entry still says why and until when. A colleague of the same role
// on another PC reads it again, read-only, after stating why; a DPO on a third PC is refused. The
// backend records who, where and why; the desks' audit chains record it without the reason.
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retainedViews, requests } from '../../../backend/db/schema';
import { type RunningBackend } from '../../../backend/server';
import { startBackendForTest } from '../../../backend/testing/test-backend';
import type { Desk } from '../desk';
import { demoDesk } from '../test-support/demo-desk';

let backend: RunningBackend;
const desks: Desk[] = [];
beforeAll(async () => {
  backend = await startBackendForTest({ seed: 163, demo: { callbacks: 2, contacts: 2, dpo: 1, equality: 1, sms: 3 } });
});
afterAll(async () => {
  await Promise.all(desks.map((d) => d.close()));
  await backend.close();
});

/** The database file of a desk, read past the core. */
function rawDesk<T>(desk: Desk, read: (db: Database.Database) => T): T {
  const db = new Database(path.join(desk.dataDir, 'servicedesk.sqlite'), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const NOTE = 'Frau Muster bestreitet die Jahresabrechnung; Nachweis für die Schlichtungsstelle';
const REASON = 'Rückfrage der Schlichtungsstelle, Az. S-17';

describe('a retained case across workstations', () => {
  it('goes to the backend with its note, leaves the closing PC at once, and is read again read-only by the right role only, audited', async () => {
    const agent = await demoDesk(desks, backend.url, 'agent', { sync: true });
    const [open] = await agent.invoke('queue.list', { kinds: ['contact'], statuses: ['open'] });
    const id = open!.id;
    await agent.invoke('request.claim', { requestId: id });
    const name = (await agent.invoke('request.detail', { requestId: id })).personal!.name;
    const until = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
    await agent.invoke('request.close', { requestId: id, outcome: 'resolved', retention: { reason: 'proof', until, note: NOTE } });
    await agent.invoke('sync.now', {});

    // The backend keeps it, with the note.
    const [kept] = await backend.database.db.select().from(requests).where(eq(requests.id, id));
    expect(kept).toMatchObject({ status: 'closed', retentionReason: 'proof', retainedUntil: until, retentionNote: NOTE, name });

    // The closing PC: no personal data and no note in the database file; a receipt; the entry says why and until when.
    const onDisk = rawDesk(agent, (db) => ({
      personal: (db.prepare('SELECT count(*) AS n FROM personal_data WHERE request_id = ?').get(id) as { n: number }).n,
      note: (db.prepare('SELECT retention_note AS note FROM requests WHERE id = ?').get(id) as { note: string | null }).note,
      receipts: db.prepare('SELECT rule FROM receipts WHERE request_id = ?').all(id),
    }));
    expect(onDisk).toEqual({ personal: 0, note: null, receipts: [{ rule: 'case_closed' }] });
    const file = rawDesk(agent, (db) => db.name);
    const bytes = (await import('node:fs')).readFileSync(file);
    expect(bytes.includes(Buffer.from(name)), 'the name in the database file').toBe(false);
    expect(bytes.includes(Buffer.from('Schlichtungsstelle')), 'the note in the database file').toBe(false);
    expect((await agent.invoke('request.detail', { requestId: id })).retention).toEqual({ reason: 'proof', until, note: null });

    // A colleague of the same role on another PC: refused without a reason, shown with one.
    const colleague = await demoDesk(desks, backend.url, 'agent2', { sync: true });
    await expect(colleague.invoke('request.viewRetained', { requestId: id, reason: '' })).rejects.toMatchObject({ code: 'invalid_input' });
    const shown = await colleague.invoke('request.viewRetained', { requestId: id, reason: REASON });
    expect(shown.request.payload).toMatchObject({ name });
    expect(shown.retention).toEqual({ reason: 'proof', until, note: NOTE, requestedUntil: null });
    // Shown, never stored on the colleague's disk.
    expect(rawDesk(colleague, (db) => (db.prepare('SELECT count(*) AS n FROM personal_data').get() as { n: number }).n)).toBe(0);

    // A DPO on a third PC: not her kind.
    const dpo = await demoDesk(desks, backend.url, 'dpo', { sync: true });
    await expect(dpo.invoke('request.viewRetained', { requestId: id, reason: 'Prüfung durch den Datenschutz' })).rejects.toMatchObject({ code: 'forbidden' });

    // The backend records who, where, why and the answer.
    const recorded = await backend.database.db.select().from(retainedViews).where(eq(retainedViews.requestId, id));
    const colleagueWs = (await colleague.invoke('session.current', {}))!.workstation;
    expect(recorded.map((v) => ({ userId: v.userId, reason: v.reason, outcome: v.outcome }))).toEqual(
      expect.arrayContaining([
        { userId: 'agent2', reason: REASON, outcome: 'shown' },
        { userId: 'dpo', reason: 'Prüfung durch den Datenschutz', outcome: 'forbidden' },
      ]),
    );
    expect(recorded.find((v) => v.userId === 'agent2')?.workstation).toBe(colleagueWs);
    // The desks' audit chains record the reading without the reason or any personal data.
    const audited = (desk: Desk) => rawDesk(desk, (db) => db.prepare("SELECT action, subject, details FROM audit_log WHERE action LIKE 'retained.%'").all());
    expect(audited(colleague)).toEqual([{ action: 'retained.view', subject: id, details: JSON.stringify({ outcome: 'shown' }) }]);
    expect(audited(dpo)).toEqual([{ action: 'retained.view_refused', subject: id, details: JSON.stringify({ outcome: 'forbidden' }) }]);

    // The supervisor's dashboard knows the reason of a case closed on another PC.
    const supervisor = await demoDesk(desks, backend.url, 'supervisor', { sync: true });
    const board = await supervisor.invoke('retention.dashboard', {});
    expect(board.holds).toEqual(expect.arrayContaining([expect.objectContaining({ id, reason: 'proof', until })]));
    expect(board.perKind.find((k) => k.kind === 'contact')?.held).toMatchObject({ proof: 1, unknown: 0 });
  });
});
