// Issue 13's race: two backend processes on one PostgreSQL server, twenty workstations (real
// CLI processes, half through each backend) claiming the same ten requests at once: exactly
// one claim per request wins, every other one is refused with 409 and holds no personal data.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCall, spawnBackendProcess, type BackendProcess } from '../../backend/testing/backend-process';
import { backendEventCount, inspectDatabase } from '../../backend/testing/inspect';
import { createTestDatabase, type TestDatabase } from '../../backend/testing/test-databases';
import { openDesk } from '../core/desk';
import { tempDir } from '../core/test-support/fixtures';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let database: TestDatabase;
let backends: BackendProcess[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
  backends = await Promise.all([spawnBackendProcess(database.url), spawnBackendProcess(database.url)]);
}, 120_000);
afterAll(async () => {
  await Promise.all(backends.map((b) => b.stop()));
  await database.drop();
});

function cliClaim(dataDir: string, requestId: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', '--data-dir', dataDir, 'claim', requestId], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('claims racing through two backend processes', () => {
  it('twenty workstations, ten requests: exactly ten claims succeed, the rest get 409', { timeout: 300_000 }, async () => {
    const [a, b] = backends as [BackendProcess, BackendProcess];
    const generated = await adminCall(a.url, 'POST', '/__admin/generate', { callbacks: 10 });
    const ids = (generated.body as { requestIds: string[] }).requestIds;
    expect(ids).toHaveLength(10);

    // Twenty workstations, logged in and synced (half through each backend, two users).
    const dirs = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const dataDir = tempDir('servicedesk-race-');
        const desk = openDesk({ dataDir, host: 'cli' });
        const user = i % 4 < 2 ? 'agent' : 'agent2';
        await desk.invoke('session.login', { backendUrl: (i % 2 ? a : b).url, username: user, password: user });
        await desk.invoke('sync.now', {});
        await desk.close();
        return dataDir;
      }),
    );

    // Two workstations per request, all at once.
    const results = await Promise.all(dirs.map((dir, i) => cliClaim(dir, ids[i % 10]!)));
    const won = results.filter((r) => r.code === 0);
    const lost = results.filter((r) => r.code === 1);
    expect(won).toHaveLength(10);
    expect(lost).toHaveLength(10);
    for (const r of lost) expect(r.stderr).toMatch(/bearbeitet|abgelehnt|übernommen/i);

    // Per request one winner at the backend, and personal data only on the winner's disk.
    expect(await inspectDatabase(database.url, (db) => backendEventCount(db, 'request.claimed'))).toBe(10);
    for (let r = 0; r < 10; r++) {
      const holding = [dirs[r]!, dirs[r + 10]!].map((dir) => {
        const db = new Database(path.join(dir, 'servicedesk.sqlite'), { readonly: true });
        try {
          return (db.prepare('SELECT count(*) AS n FROM personal_data').get() as { n: number }).n;
        } finally {
          db.close();
        }
      });
      expect(holding.sort()).toEqual([0, 1]);
    }
  });
});
