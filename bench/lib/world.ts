// What the benchmarks run against: the reference backend over loopback HTTP and a desk on a
// fresh data directory, logged in as the supervisor (who sees every queue entry and the SMS log).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDesk, type Desk } from '../../electron/core/desk';
import { createFileTokenStore } from '../../electron/core/session/file-token-store';
import { BackendClient } from '../../electron/core/sync/backend-client';
import type { FeedContext } from '../../electron/core/sync/feed-apply';

export function benchDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'servicedesk-bench-'));
}

/** Request volume split like a service center's: mostly callbacks and contacts. */
export function requestMix(total: number) {
  const dpo = Math.round(total * 0.03);
  const equality = Math.round(total * 0.02);
  const contacts = Math.round(total * 0.35);
  return { callbacks: total - dpo - equality - contacts, contacts, dpo, equality };
}

export async function supervisorDesk(backend: { url: string }): Promise<{ desk: Desk; ctx: FeedContext; client: BackendClient }> {
  const desk = openDesk({ dataDir: benchDir(), host: 'cli' });
  const session = await desk.invoke('session.login', { backendUrl: backend.url, username: 'supervisor', password: 'supervisor' });
  const token = createFileTokenStore(path.join(desk.dataDir, 'session.token')).load();
  const client = new BackendClient({ baseUrl: backend.url, token, timeoutMs: 60_000 });
  const ctx: FeedContext = {
    db: desk.db,
    clock: () => new Date(),
    userId: session.user.id,
    displayName: session.user.displayName,
    workstation: session.workstation,
    roles: session.user.roles,
  };
  return { desk, ctx, client };
}
