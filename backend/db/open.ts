// Opens the backend's database: a PostgreSQL server when a URL is given, else PGlite (a data
// directory, or memory for tests), applies the migrations and makes sure the bookkeeping rows
// exist. Everything else in the backend takes the result as an argument.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type BackendDatabase } from './database';
import { migrateBackend } from './migrate';
import { openPglite } from './open-pglite';
import { openPostgres } from './open-postgres';
import { feedHead, meta } from './schema';

export type DatabaseOptions = { url: string; poolSize?: number } | { dataDir: string } | { memory: true; image?: Blob };

export function describeDatabase(options: DatabaseOptions): string {
  if ('url' in options) {
    const url = new URL(options.url);
    return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
  }
  return 'dataDir' in options ? `PGlite in ${options.dataDir}` : 'PGlite in memory';
}

export async function openBackendDatabase(options: DatabaseOptions): Promise<BackendDatabase> {
  const database = 'url' in options ? openPostgres(options) : await openPglite(options);
  try {
    await migrateBackend(database);
    await database.db.insert(feedHead).values({ id: 1, seq: 0 }).onConflictDoNothing();
    // The epoch tells this database's cursors from another's (a restored backup, a new server).
    await database.db.insert(meta).values({ key: 'epoch', value: randomBytes(6).toString('hex') }).onConflictDoNothing();
    return database;
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

export async function databaseEpoch(database: BackendDatabase): Promise<string> {
  const [row] = await database.db.select({ value: meta.value }).from(meta).where(sql`${meta.key} = 'epoch'`);
  if (!row) throw new Error('backend database without an epoch');
  return row.value;
}
