// Issue 13: the PostgreSQL server goes down in the middle of a workstation's sync and comes back
// (a cluster this test owns). The backend answers 503 while it is away, the client retries
// and finishes, and nothing is lost or doubled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../../../backend/testing/pg-cluster';
import { createTestDatabase } from '../../../backend/testing/test-databases';
import { startBackendForTest } from '../../../backend/testing/test-backend';
import { type RunningBackend } from '../../../backend/server';
import { openDesk, type Desk } from '../desk';
import { tempDir } from '../test-support/fixtures';

let cluster: TestCluster;
let backend: RunningBackend;
const desks: Desk[] = [];

beforeAll(async () => {
  cluster = await startTestCluster();
  const database = await createTestDatabase(cluster.url);
  backend = await startBackendForTest({ database: { url: database.url }, seed: 31, demo: { callbacks: 300, contacts: 100, dpo: 20, equality: 10, sms: 3000 } });
}, 120_000);
afterAll(async () => {
  await Promise.all(desks.map((d) => d.close()));
  await backend?.close().catch(() => undefined);
  cluster?.stop();
});

describe('the PostgreSQL server restarts during a sync', () => {
  it('the client retries through the outage and ends with exactly what an undisturbed workstation has', { timeout: 300_000 }, async () => {
    let feedCalls = 0;
    let outage: Promise<void> | null = null;
    const answers: number[] = [];
    // The server goes down after the third feed page, and comes back two seconds later.
    const countingFetch: typeof fetch = async (input, init) => {
      if (String(input).includes('/api/v1/feed') && ++feedCalls === 3) {
        cluster.halt();
        outage = new Promise((resolve) => setTimeout(() => resolve(cluster.start()), 2_000));
      }
      const response = await fetch(input, init);
      answers.push(response.status);
      return response;
    };
    const desk = openDesk({ dataDir: tempDir('servicedesk-pg-restart-'), host: 'cli', fetch: countingFetch });
    desks.push(desk);
    await desk.invoke('session.login', { backendUrl: backend.url, username: 'supervisor', password: 'supervisor' });
    const report = await desk.invoke('sync.now', {});
    await outage;
    expect(feedCalls).toBeGreaterThan(3);
    // The backend said 503 while the database was away, and the client went on afterwards.
    expect(answers).toContain(503);
    expect(report.offline).toBeNull();

    const oracle = openDesk({ dataDir: tempDir('servicedesk-pg-restart-oracle-'), host: 'cli' });
    desks.push(oracle);
    await oracle.invoke('session.login', { backendUrl: backend.url, username: 'supervisor', password: 'supervisor' });
    await oracle.invoke('sync.now', {});
    const ids = (d: Desk, table: string) => (d.db.$client.prepare(`SELECT id FROM ${table} ORDER BY id`).all() as { id: string }[]).map((r) => r.id);
    expect(ids(desk, 'requests')).toEqual(ids(oracle, 'requests'));
    expect(ids(desk, 'sms_log')).toEqual(ids(oracle, 'sms_log'));
    expect(ids(desk, 'requests').length).toBe(430);
  });
});
