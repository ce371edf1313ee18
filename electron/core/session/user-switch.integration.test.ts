// Issue 16, item 4: a user switch at a workstation never deletes what is still needed. Before,
// the next login purged the previous user's claimed cases with their notes ("released") and a
// retained case too. Real desk cores on their own data directories, the reference backend on
// PostgreSQL over HTTP.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBackend } from '../../../backend/server';
import { startBackendForTest } from '../../../backend/testing/test-backend';
import type { Desk } from '../desk';
import { demoDesk } from '../test-support/demo-desk';

let backend: RunningBackend;
const desks: Desk[] = [];
beforeAll(async () => {
  backend = await startBackendForTest({ seed: 16, demo: { callbacks: 6, contacts: 3, dpo: 3, equality: 1, sms: 5 } });
});
afterAll(async () => {
  await Promise.all(desks.map((d) => d.close()));
  await backend.close();
});

/** A desk clock the test moves forward (lease ends are the desk's own knowledge). */
function movableClock() {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms: number) => (offset += ms) };
}

const switchTo = async (desk: Desk, username: string) => {
  await desk.invoke('session.logout', {});
  await desk.invoke('session.login', { backendUrl: backend.url, username, password: username });
  await desk.invoke('sync.now', {});
};

/** What the database file holds for a request, read past the core. */
function onDisk(desk: Desk, requestId: string) {
  const db = new Database(path.join(desk.dataDir, 'servicedesk.sqlite'), { readonly: true });
  try {
    const personal = db.prepare('SELECT count(*) AS n FROM personal_data WHERE request_id = ?').get(requestId) as { n: number };
    const notes = db.prepare('SELECT count(*) AS n FROM case_notes WHERE request_id = ?').get(requestId) as { n: number };
    const receipts = db.prepare('SELECT rule FROM receipts WHERE request_id = ?').all(requestId) as { rule: string }[];
    return { personal: personal.n, notes: notes.n, receiptRules: receipts.map((r) => r.rule) };
  } finally {
    db.close();
  }
}

async function firstOpen(desk: Desk, kind: 'callback' | 'contact') {
  const rows = await desk.invoke('queue.list', { kinds: [kind], statuses: ['open'] });
  expect(rows.length).toBeGreaterThan(0);
  return rows[0]!.id;
}

describe('a user switch at one workstation', () => {
  it("keeps the DPO's open case with its notes through the supervisor's login, invisible to her, and hands it back to the DPO", async () => {
    const pc = await demoDesk(desks, backend.url, 'dpo', { sync: true });
    const [first] = await pc.invoke('officer.cases', {});
    await pc.invoke('request.claim', { requestId: first!.id });
    await pc.invoke('officer.addNote', { requestId: first!.id, text: 'Identität per Rückruf geprüft' });

    await switchTo(pc, 'supervisor');
    expect(onDisk(pc, first!.id)).toEqual({ personal: 1, notes: 1, receiptRules: [] });
    // The supervisor sees that the DPO works on it, nothing of its content.
    const seen = await pc.invoke('request.detail', { requestId: first!.id });
    expect(seen.row).toMatchObject({ status: 'claimed', owner: { displayName: 'Dana Datenschutz', mine: false }, hasPersonalData: false });
    expect(seen.personal).toBeNull();

    await switchTo(pc, 'dpo');
    const back = await pc.invoke('officer.case', { requestId: first!.id });
    expect(back.detail.row).toMatchObject({ status: 'claimed', owner: { mine: true } });
    expect(back.detail.personal).not.toBeNull();
    expect(back.notes.map((n) => n.text)).toEqual(['Identität per Rückruf geprüft']);
  });

  it("shows a colleague's case left claimed here as theirs, without its data, and lets only them work it", async () => {
    const pc = await demoDesk(desks, backend.url, 'agent', { sync: true });
    const id = await firstOpen(pc, 'callback');
    await pc.invoke('request.claim', { requestId: id });
    expect(await pc.invoke('queue.held', {})).toEqual([expect.objectContaining({ id, kind: 'callback' })]);

    await switchTo(pc, 'agent2');
    const detail = await pc.invoke('request.detail', { requestId: id });
    expect(detail.row).toMatchObject({ status: 'claimed', owner: { displayName: 'Anna Agentin', mine: false }, hasPersonalData: false });
    expect(detail.personal).toBeNull();
    expect(onDisk(pc, id).personal).toBe(1);
    expect(await pc.invoke('queue.held', {})).toEqual([]);
    await expect(pc.invoke('request.attempt', { requestId: id, disposition: 'no_answer' })).rejects.toMatchObject({ code: 'conflict' });

    await switchTo(pc, 'agent');
    expect((await pc.invoke('request.detail', { requestId: id })).personal).not.toBeNull();
    // Released at logout (the dialog's "Freigeben und abmelden"): gone here, back in the queue for all.
    await pc.invoke('request.release', { requestId: id });
    expect(onDisk(pc, id)).toMatchObject({ personal: 0, receiptRules: ['released'] });
  });

  it('lets a left-behind case go when its lease ends at the backend, though the user now signed in cannot see its kind', async () => {
    const clock = movableClock();
    const pc = await demoDesk(desks, backend.url, 'agent', { sync: true, now: clock.now });
    const id = await firstOpen(pc, 'callback');
    await pc.invoke('request.claim', { requestId: id });
    const leaseUntil = (await pc.invoke('queue.held', {}))[0]!.leaseUntil!;

    await switchTo(pc, 'dpo');
    await pc.invoke('retention.sweep', {});
    expect(onDisk(pc, id).personal).toBe(1);

    clock.advance(Date.parse(leaseUntil) - clock.now().getTime() + 1_000);
    await pc.invoke('retention.sweep', {});
    expect(onDisk(pc, id)).toMatchObject({ personal: 0, receiptRules: ['released'] });
  });

  it('keeps the entry of a case closed with a retention (its data went at close, the backend keeps it) when the next user logs in', async () => {
    const pc = await demoDesk(desks, backend.url, 'agent', { sync: true });
    const id = await firstOpen(pc, 'contact');
    await pc.invoke('request.claim', { requestId: id });
    const until = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
    await pc.invoke('request.close', { requestId: id, outcome: 'resolved', retention: { reason: 'proof', until, note: 'Nachweis für die Beschwerde' } });

    expect(onDisk(pc, id)).toMatchObject({ personal: 0, receiptRules: ['case_closed'] });
    await switchTo(pc, 'agent2');
    expect(onDisk(pc, id)).toMatchObject({ personal: 0, receiptRules: ['case_closed'] });
    expect((await pc.invoke('request.detail', { requestId: id })).retention).toMatchObject({ reason: 'proof', until });
  });
});
