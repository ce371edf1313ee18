// The reference backend in its own process, as in real life: the client's figures must not
// include the server's work on the same event loop.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnServer, type ServerProcess } from './child-process';
import { requestMix } from './world';
import type { FreshDatabase } from '../backend/engine';

export type BackendProcess = ServerProcess;

/** The backend seeded with this many requests and SMS records: on `database`, or on PGlite in a fresh data directory. */
export async function spawnBackend(requests: number, sms: number, database?: FreshDatabase): Promise<BackendProcess> {
  const mix = requestMix(requests);
  const counts = { callbacks: mix.callbacks, contacts: mix.contacts, dpo: mix.dpo, equality: mix.equality, sms };
  const dataDir = database ? null : mkdtempSync(path.join(os.tmpdir(), 'servicedesk-bench-backend-'));
  const server = await spawnServer(
    'backend/index.ts',
    [
      '--port', '0', '--seed', '42', '--password-cost', '10', '--arrivals-per-minute', '0',
      ...(dataDir ? ['--data-dir', dataDir] : database!.backendArgs),
      ...Object.entries(counts).flatMap(([key, n]) => [`--${key}`, String(n)]),
    ],
    /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    database?.backendEnv ?? {},
  );
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
