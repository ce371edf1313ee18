// Issue 6, item 3: the client stores only what the user's roles may see, even when the backend
// sends more. A scripted backend feeds every kind and SMS records to every role; afterwards the
// database (rows and raw file bytes) holds only what that role may see.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/domain';
import { openDesk, type Desk } from '../desk';
import { filesBelow, scanFiles } from '../retention/raw-scan';
import { deskStatus } from '../status';
import { claimAnswer, queuedEvent, SCRIPTED_URL, scriptedBackend, smsEvent } from '../test-support/scripted-backend';
import { tempDir } from '../test-support/fixtures';

const desks: Desk[] = [];
afterEach(async () => {
  await Promise.all(desks.map((d) => d.close()));
  desks.length = 0;
});

async function deskAs(roles: Role[]) {
  const backend = scriptedBackend({ id: `u-${roles.join('-')}`, displayName: 'Test', roles });
  const desk = openDesk({ dataDir: tempDir(), host: 'cli', fetch: backend.fetch });
  desks.push(desk);
  await desk.invoke('session.login', { backendUrl: SCRIPTED_URL, username: 'x', password: 'x' });
  return { desk, backend };
}

const KINDS = ['callback', 'contact', 'dpo', 'equality'] as const;
const SMS_CUSTOMER = '99887766554433';
const SMS_IP = '203.0.113.77';

const VISIBLE: Record<string, { kinds: string[]; sms: boolean }> = {
  agent: { kinds: ['callback', 'contact'], sms: false },
  dpo: { kinds: ['dpo'], sms: true },
  equality: { kinds: ['equality'], sms: false },
  supervisor: { kinds: ['callback', 'contact', 'dpo', 'equality'], sms: true },
};

describe('the sync client stores only what the roles may see', () => {
  for (const role of ['agent', 'dpo', 'equality', 'supervisor'] as const) {
    it(`${role}: a feed with every kind and SMS records keeps only the visible ones`, async () => {
      const { desk, backend } = await deskAs([role]);
      const ids = Object.fromEntries(KINDS.map((kind) => [kind, randomUUID()]));
      backend.feed = [...KINDS.map((kind) => queuedEvent(kind, ids[kind])), smsEvent(SMS_CUSTOMER, SMS_IP)];
      const report = await desk.invoke('sync.now', {});
      expect(report.offline).toBeNull();

      const stored = desk.db.$client.prepare('SELECT id, kind FROM requests ORDER BY kind').all() as { id: string; kind: string }[];
      expect(stored.map((r) => r.kind).sort()).toEqual([...VISIBLE[role]!.kinds].sort());
      expect(deskStatus(desk.db).sms).toBe(VISIBLE[role]!.sms ? 1 : 0);

      // Not in a table, and not left in the file bytes either (WAL, free pages).
      desk.db.$client.pragma('wal_checkpoint(TRUNCATE)');
      const hidden: string[] = KINDS.filter((k) => !VISIBLE[role]!.kinds.includes(k)).map((k) => ids[k]!);
      if (!VISIBLE[role]!.sms) hidden.push(SMS_CUSTOMER, SMS_IP);
      expect(scanFiles(filesBelow(desk.dataDir), hidden)).toEqual([]);
    });
  }

  it('a supervisor never stores personal data, even if a claim answer carried it', async () => {
    const { desk } = await deskAs(['supervisor']);
    // The core refuses the claim before anything reaches the backend.
    await expect(desk.invoke('request.claim', { requestId: randomUUID() })).rejects.toMatchObject({ code: 'forbidden' });
    expect(deskStatus(desk.db).withPersonalData).toBe(0);
  });

  it('a claim answered with another request (one the agent did not claim) stores nothing of it', async () => {
    const { desk, backend } = await deskAs(['agent']);
    const mine = randomUUID();
    const other = randomUUID();
    backend.feed = [queuedEvent('callback', mine), queuedEvent('callback', other)];
    await desk.invoke('sync.now', {});
    backend.claimAnswer = () => claimAnswer(other, 'callback', 'FREMDER-VORGANG');
    await desk.invoke('request.claim', { requestId: mine });
    const detailOther = await desk.invoke('request.detail', { requestId: other });
    expect(detailOther.personal).toBeNull();
    desk.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    expect(scanFiles(filesBelow(desk.dataDir), ['FREMDER-VORGANG'])).toEqual([]);
  });

  it('a claim answered with a kind the roles may not work (dpo data to an agent) stores nothing', async () => {
    const { desk, backend } = await deskAs(['agent']);
    const id = randomUUID();
    backend.feed = [queuedEvent('contact', id)];
    await desk.invoke('sync.now', {});
    backend.claimAnswer = (requested) => claimAnswer(requested, 'dpo', 'VERTRAULICH-DSB');
    await desk.invoke('request.claim', { requestId: id });
    expect((await desk.invoke('request.detail', { requestId: id })).personal).toBeNull();
    desk.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    expect(scanFiles(filesBelow(desk.dataDir), ['VERTRAULICH-DSB'])).toEqual([]);
  });
});
