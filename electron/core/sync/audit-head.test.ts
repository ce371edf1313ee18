// Issue 6, item 5 and issue 14: the audit chain is anchored at the backend (the entries since its
// last head, whose hashes it recomputes); the backend's copy then shows a cut-off tail that local
// anchors (rebuilt by an attacker) would no longer show, and a rewritten chain is refused there
// and shown to the supervisors as a broken chain.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningBackend } from '../../../backend/server';
import { backendAuditHead } from '../../../backend/testing/inspect';
import { startBackendForTest } from '../../../backend/testing/test-backend';
import { AUDIT_HEAD_SENT_KEY, auditHead, entryHash, GENESIS_HASH, verifyAudit } from '../audit/audit-log';
import { readState } from '../db/state';
import { openDesk, type Desk } from '../desk';
import { tempDir } from '../test-support/fixtures';
import { AUDIT_ANCHOR_REFUSED_KEY } from './audit-anchor-send';

let backend: RunningBackend;
let desk: Desk;
beforeEach(async () => {
  backend = await startBackendForTest({ seed: 9, demo: { callbacks: 5, contacts: 1, dpo: 0, equality: 0, sms: 0 } });
  desk = openDesk({ dataDir: tempDir(), host: 'cli' });
  await desk.invoke('session.login', { backendUrl: backend.url, username: 'agent', password: 'agent' });
});
afterEach(async () => {
  await desk.close();
  await backend.close();
});

describe('audit chain anchored at the backend', () => {
  it('reaches the backend with the sync after a purge and is kept as an anchor', async () => {
    await desk.invoke('sync.now', {});
    const [entry] = await desk.invoke('queue.list', { kinds: ['callback'] });
    await desk.invoke('request.claim', { requestId: entry!.id });
    await desk.invoke('request.close', { requestId: entry!.id, outcome: 'resolved' });
    await desk.invoke('sync.now', {});

    const workstation = (await desk.invoke('session.current', {}))!.workstation;
    const head = auditHead(desk.db)!;
    expect(head.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await backendAuditHead(backend.database.db, workstation)).toBe(head.hash);
    expect(JSON.parse(readState(desk.db, AUDIT_HEAD_SENT_KEY)!)).toEqual(head);
    expect(verifyAudit(desk.db, { anchors: [head] })).toMatchObject({ ok: true, head: head.hash });

    // Cut the tail and rebuild both local anchors: only the backend's head still shows it.
    desk.db.$client.prepare('DELETE FROM audit_log WHERE seq >= ?').run(head.seq);
    const last = desk.db.$client.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    desk.db.$client.prepare("UPDATE sync_state SET value = ? WHERE key IN ('audit.head', 'audit.head_sent')").run(JSON.stringify(last));
    expect(verifyAudit(desk.db).ok).toBe(true);
    const backendHead = { seq: head.seq, hash: (await backendAuditHead(backend.database.db, workstation))! };
    expect(verifyAudit(desk.db, { anchors: [backendHead] })).toMatchObject({ ok: false, reason: expect.stringMatching(/Ende abgeschnitten/) });
  });

  it('a chain rewritten from the start is refused by the backend and shown to the supervisors', async () => {
    await desk.invoke('sync.now', {});
    const [entry] = await desk.invoke('queue.list', { kinds: ['callback'] });
    await desk.invoke('request.claim', { requestId: entry!.id });
    await desk.invoke('sync.now', {});
    const workstation = (await desk.invoke('session.current', {}))!.workstation;
    const anchored = auditHead(desk.db)!;
    expect(await backendAuditHead(backend.database.db, workstation)).toBe(anchored.hash);

    // Someone edits the first entry and rebuilds the whole chain so that it verifies locally.
    const rows = desk.db.$client.prepare('SELECT seq, at, actor, action, subject, details FROM audit_log ORDER BY seq').all() as { seq: number; at: string; actor: string; action: string; subject: string | null; details: string }[];
    let prevHash = GENESIS_HASH;
    for (const row of rows) {
      const fields = { ...row, action: row.seq === 1 ? 'login_failed' : row.action, prevHash };
      const hash = entryHash(fields);
      desk.db.$client.prepare('UPDATE audit_log SET action = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(fields.action, prevHash, hash, row.seq);
      prevHash = hash;
    }
    const last = rows.at(-1)!;
    desk.db.$client.prepare("UPDATE sync_state SET value = ? WHERE key IN ('audit.head', 'audit.head_sent')").run(JSON.stringify({ seq: last.seq, hash: prevHash }));
    desk.db.$client.prepare("DELETE FROM sync_state WHERE key = 'audit.head_sent'").run();
    expect(verifyAudit(desk.db).ok).toBe(true);

    await desk.invoke('request.close', { requestId: entry!.id, outcome: 'resolved' });
    await desk.invoke('sync.now', {});
    // The backend kept the true head and refused the rewritten chain; this workstation knows it.
    expect(await backendAuditHead(backend.database.db, workstation)).toBe(anchored.hash);
    expect(readState(desk.db, AUDIT_ANCHOR_REFUSED_KEY)).toMatch(/abgelehnt/);

    const lead = openDesk({ dataDir: tempDir(), host: 'cli' });
    try {
      await lead.invoke('session.login', { backendUrl: backend.url, username: 'supervisor', password: 'supervisor' });
      await lead.invoke('sync.now', {});
      const { brokenChains } = await lead.invoke('retention.dashboard', {});
      expect(brokenChains).toEqual([expect.objectContaining({ workstation, expectedSeq: anchored.seq })]);
    } finally {
      await lead.close();
    }
  });
});
