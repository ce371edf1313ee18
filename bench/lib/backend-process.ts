// The reference backend in its own process, as in real life: the client's figures must not
// include the server's work on the same event loop.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnServer, type ServerProcess } from './child-process';
import { requestMix } from './world';

export type BackendProcess = ServerProcess;

export async function spawnBackend(requests: number, sms: number): Promise<BackendProcess> {
  const mix = requestMix(requests);
  const counts = { callbacks: mix.callbacks, contacts: mix.contacts, dpo: mix.dpo, equality: mix.equality, sms };
  // A fresh embedded database per run (PGlite), unless DATABASE_URL names a server.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'servicedesk-bench-backend-'));
  const server = await spawnServer(
    'backend/index.ts',
    ['--port', '0', '--seed', '42', '--data-dir', dataDir, '--password-cost', '10', '--arrivals-per-minute', '0', ...Object.entries(counts).flatMap(([key, n]) => [`--${key}`, String(n)])],
    /listening on (http:\/\/127\.0\.0\.1:\d+)/,
  );
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
