// A desk on a fresh data directory, logged in as a demo user of the reference backend
// (password = username), optionally synced. Pushed onto `desks` so a test closes them together.
import type { Clock } from '../clock';
import { openDesk, type Desk } from '../desk';
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
