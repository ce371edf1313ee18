// A desk on a fresh data directory, logged in as a demo user of the reference backend
// (password = username), optionally synced. Pushed onto `desks` so a test closes them together.
import path from 'node:path';
import type { Clock } from '../clock';
import { openDesk, type Desk } from '../desk';
import { createFileTokenStore } from '../session/file-token-store';
import type { FeedContext } from '../sync/feed-apply';
import { tempDir } from './fixtures';

export interface DemoDeskOptions {
  host?: 'web' | 'cli';
  sync?: boolean;
  now?: Clock;
}

/** `username` null: a desk nobody is logged in to. */
export async function demoDesk(desks: Desk[], backendUrl: string, username: string | null, options: DemoDeskOptions = {}): Promise<Desk> {
  const desk = openDesk({ dataDir: tempDir(), host: options.host ?? 'web', now: options.now });
  desks.push(desk);
  if (username === null) return desk;
  await desk.invoke('session.login', { backendUrl, username, password: username });
  if (options.sync) await desk.invoke('sync.now', {});
  return desk;
}

/**
 * What a test needs to drive the sync code of a logged-in desk directly (pullFeed, runSync) with
 * a client of its own: the desk's feed context (on the real clock, as the backend's demo data is)
 * and its backend URL and session token.
 */
export async function syncParts(desk: Desk): Promise<{ ctx: FeedContext; backendUrl: string; token: string | null }> {
  const session = await desk.invoke('session.current', {});
  if (!session) throw new Error('syncParts: nobody is logged in to this desk');
  return {
    ctx: { db: desk.db, clock: () => new Date(), userId: session.user.id, displayName: session.user.displayName, workstation: session.workstation, roles: session.user.roles },
    backendUrl: session.backendUrl,
    token: createFileTokenStore(path.join(desk.dataDir, 'session.token')).load(),
  };
}
