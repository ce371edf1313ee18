// Resident memory of the core with a large database, measured in a fresh child process
// against that same process at start.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshDb, seedRequests } from './lib/seed';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export function benchRss(entries: number): { atStart: number; working: number } {
  const { db, file } = freshDb();
  seedRequests(db, entries);
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
  const out = execFileSync(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(HERE, 'rss-child.ts'), file], { encoding: 'utf8' });
  return JSON.parse(out) as { atStart: number; working: number };
}
