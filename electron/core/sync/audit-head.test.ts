// Issue 6, item 5: the audit log's head goes to the backend with the receipts; the backend's copy
// then shows a cut-off tail that local anchors (rebuilt by an attacker) would no longer show.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningBackend } from '../../../backend/server';
import { backendAuditHead } from '../../../backend/testing/inspect';
import { startBackendForTest } from '../../../backend/testing/test-backend';
import { AUDIT_HEAD_SENT_KEY, auditHead, verifyAudit } from '../audit/audit-log';
import { readState } from '../db/state';
import { openDesk, type Desk } from '../desk';
import { tempDir } from '../test-support/fixtures';

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

describe('audit head with the receipts', () => {
  it('reaches the backend with the receipts of a purge and is kept as an anchor', async () => {
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
});
