// Issue 13: a backend process killed with SIGKILL (and started again) twenty times while
// workstations sync and forms arrive, next to a second process that keeps running. Whatever a
// backend acknowledged was committed first: every acknowledged request reaches every
// workstation that may see it, exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCall, spawnBackendProcess, type BackendProcess } from '../../../backend/testing/backend-process';
import { freePort } from '../../../backend/testing/pg-cluster';
import { backendRequestIds, inspectDatabase } from '../../../backend/testing/inspect';
import { createTestDatabase, type TestDatabase } from '../../../backend/testing/test-databases';
import { openDesk, type Desk } from '../desk';
import { tempDir } from '../test-support/fixtures';

const KILLS = Number(process.env.BACKEND_KILL_RUNS ?? 20);

let database: TestDatabase;
let steady: BackendProcess;
let victim: BackendProcess;
let victimPort: number;
const desks: Desk[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  victimPort = await freePort();
  [steady, victim] = await Promise.all([spawnBackendProcess(database.url), spawnBackendProcess(database.url, ['--port', String(victimPort)])]);
}, 120_000);
afterAll(async () => {
  await Promise.all(desks.map((d) => d.close()));
  await Promise.all([steady.stop(), victim.stop()]);
  await database.drop();
});

async function workstation(backendUrl: string, username: string): Promise<Desk> {
  const desk = openDesk({ dataDir: tempDir('servicedesk-backend-kill-'), host: 'cli' });
  desks.push(desk);
  await desk.invoke('session.login', { backendUrl, username, password: username });
  return desk;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('backend processes killed while workstations sync and forms arrive', () => {
  it(`${KILLS} SIGKILLs: every acknowledged request reaches every workstation that may see it, once`, { timeout: 600_000 }, async () => {
    // Workstations on both processes: agents see callbacks and contacts, the supervisor everything.
    const agentOnVictim = await workstation(`http://127.0.0.1:${victimPort}`, 'agent');
    const agentOnSteady = await workstation(steady.url, 'agent2');
    const supervisor = await workstation(`http://127.0.0.1:${victimPort}`, 'supervisor');
    const all = [agentOnVictim, agentOnSteady, supervisor];

    const acknowledged: string[] = [];
    let running = true;
    const forms = (async () => {
      for (let i = 0; running; i++) {
        const target = i % 2 ? steady.url : `http://127.0.0.1:${victimPort}`;
        const counts = [{ callbacks: 1 }, { contacts: 1 }, { dpo: 1, sms: 2 }][i % 3];
        try {
          const answer = await adminCall(target, 'POST', '/__admin/generate', counts);
          if (answer.status === 200) acknowledged.push(...(answer.body as { requestIds: string[] }).requestIds);
        } catch {
          // Killed mid-call: not acknowledged, so nothing is promised about it.
        }
        await sleep(40);
      }
    })();
    const syncing = all.map(async (desk) => {
      while (running) {
        await desk.invoke('sync.now', {}).catch(() => undefined);
        await sleep(50);
      }
    });

    for (let kill = 0; kill < KILLS; kill++) {
      await sleep(150 + Math.floor(Math.random() * 500));
      await victim.kill();
      victim = await spawnBackendProcess(database.url, ['--port', String(victimPort)]);
    }
    running = false;
    await Promise.all([forms, ...syncing]);

    // Everything settles: one more sync each, until nothing new arrives.
    for (const desk of all) {
      for (let i = 0; i < 10; i++) {
        const report = await desk.invoke('sync.now', {});
        if (report.offline === null && report.pulled === 0) break;
      }
    }

    expect(acknowledged.length).toBeGreaterThan(KILLS);
    const stored = await inspectDatabase(database.url, async (db) => ({
      all: new Set(await backendRequestIds(db)),
      agentKinds: new Set([...(await backendRequestIds(db, 'callback')), ...(await backendRequestIds(db, 'contact'))]),
    }));
    for (const id of acknowledged) expect(stored.all.has(id), id).toBe(true);

    const local = (desk: Desk) => (desk.db.$client.prepare('SELECT id FROM requests').all() as { id: string }[]).map((r) => r.id);
    for (const [desk, visible] of [
      [agentOnVictim, stored.agentKinds],
      [agentOnSteady, stored.agentKinds],
      [supervisor, stored.all],
    ] as const) {
      const ids = local(desk);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids)).toEqual(visible);
      for (const id of acknowledged) if (visible.has(id)) expect(ids).toContain(id);
    }
  });
});
