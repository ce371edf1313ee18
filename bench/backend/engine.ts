// The two databases the backend runs on, for the backend rows: a throwaway PostgreSQL cluster
// (backend/testing/pg-cluster.ts) and PGlite in a data directory. Each gives fresh, migrated
// databases for the backend in its own process, and a raw client of its own for the baselines
// (`pg` against the server; PGlite in this process, as the backend holds it).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBackendDatabase } from '../../backend/db/open';
import type { BackendDatabase } from '../../backend/db/database';
import { startTestCluster, type TestCluster } from '../../backend/testing/pg-cluster';
import { createTestDatabase } from '../../backend/testing/test-databases';
import { spawnServer, type ServerProcess } from '../lib/child-process';

export type EngineName = 'postgres' | 'pglite';
export const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';
export const INGEST_KEY = 'bench-ingest-key-0123456789abcdef';

/** A migrated database: where the backend finds it, and a raw client on it (closed before the backend starts, for PGlite). */
export interface FreshDatabase {
  /** Arguments and environment for `npm run backend` on this database. */
  backendArgs: string[];
  backendEnv: NodeJS.ProcessEnv;
  open(): Promise<RawClient>;
}

export interface RawClient {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
}

export interface Engine {
  name: EngineName;
  fresh(): Promise<FreshDatabase>;
  stop(): Promise<void>;
}

function rawOf(database: BackendDatabase): RawClient {
  const client = (database.db as unknown as { $client: { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> } }).$client;
  return { query: (text, values) => client.query(text, values), close: () => database.close() };
}

export async function startEngine(name: EngineName): Promise<Engine> {
  const dirs: string[] = [];
  if (name === 'postgres') {
    const cluster: TestCluster = await startTestCluster({ maxConnections: 200 });
    return {
      name,
      async fresh() {
        const { url } = await createTestDatabase(cluster.url);
        return {
          backendArgs: [],
          backendEnv: { DATABASE_URL: url },
          open: async () => rawOf(await openBackendDatabase({ url, poolSize: 10 })),
        };
      },
      async stop() {
        cluster.stop();
      },
    };
  }
  return {
    name,
    async fresh() {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'servicedesk-bench-pglite-'));
      dirs.push(dir);
      return { backendArgs: ['--data-dir', dir], backendEnv: {}, open: async () => rawOf(await openBackendDatabase({ dataDir: dir })) };
    },
    async stop() {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The backend on this database in its own process, no demo data unless `args` ask for it. */
export async function spawnBackendOn(database: FreshDatabase, args: string[] = ['--no-demo']): Promise<ServerProcess> {
  return spawnServer(
    'backend/index.ts',
    ['--port', '0', '--password-cost', '10', '--arrivals-per-minute', '0', '--intake-per-minute', '0', ...database.backendArgs, ...args],
    /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    { ...database.backendEnv, SERVICEDESK_ADMIN_TOKEN: ADMIN_TOKEN, SERVICEDESK_INGEST_KEY: INGEST_KEY },
  );
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** Runs `work` over `items` with at most `concurrency` in flight. */
export async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}
