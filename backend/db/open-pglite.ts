// The embedded default: PostgreSQL in this process (PGlite), stored in a data directory (one
// process only, see pglite-lock.ts) or, for tests, in memory from a prepared image.
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type BackendDatabase } from './database';
import { lockDataDir } from './pglite-lock';
import * as schema from './schema';

export type PgliteOptions = { dataDir: string } | { memory: true; image?: Blob };

export async function openPglite(options: PgliteOptions): Promise<BackendDatabase> {
  let unlock = (): void => undefined;
  let client: PGlite;
  if ('dataDir' in options) {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    chmodSync(options.dataDir, 0o700);
    unlock = lockDataDir(options.dataDir, path.join(options.dataDir, 'backend.lock'));
    try {
      client = await PGlite.create(path.join(options.dataDir, 'pgdata'));
    } catch (error) {
      unlock();
      throw error;
    }
  } else {
    client = await PGlite.create(options.image ? { loadDataDir: options.image } : {});
  }
  // The data lives in this process's memory and the OS page cache: a random page costs about
  // what a sequential one does. At the default (4, for spinning disks) the planner read all
  // SMS events of an audience and sorted them rather than walk the feed's (audience, seq) index
  // in order (issue 19; planner-statistics.ts for the other half).
  await client.exec('SET random_page_cost = 1.1');
  const db = drizzle(client, { schema });
  return {
    db,
    driver: 'pglite',
    async listen(channel, onNotify) {
      const stop = await client.listen(channel, () => onNotify());
      return () => stop();
    },
    async close() {
      await client.close();
      unlock();
    },
    image: () => client.dumpDataDir('none'),
  };
}
