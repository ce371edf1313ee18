// Applies the committed drizzle-kit migrations at start (STYLE.md 6). A database that holds a
// migration we do not ship (a newer version wrote it) or a different history is refused with
// a clear message instead of being changed. Processes starting together against one server
// take turns (an advisory lock), so each migration runs once.
import { sql } from 'drizzle-orm';
import { readMigrationFiles, type MigrationConfig } from 'drizzle-orm/migrator';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { type PgliteDatabase } from 'drizzle-orm/pglite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rowsOf, type BackendDatabase, type Schema } from './database';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
/** pg_advisory locks are numbered: this one is the migration's (any constant the app owns). */
const MIGRATION_LOCK = 0x53445f4d; // 'SD_M'

export class DatabaseFromFutureError extends Error {
  override readonly name = 'DatabaseFromFutureError';
  constructor(applied: number, shipped: number) {
    super(
      `The backend database has ${applied} migrations applied, this version ships ${shipped}: it was written by a newer version ` +
        'of the backend and is not touched. Run the newer version, or restore a backup made for this one.',
    );
  }
}

export class MigrationHistoryError extends Error {
  override readonly name = 'MigrationHistoryError';
  constructor(step: number) {
    super(`The backend database's migration ${step + 1} differs from the one this version ships: the database is not touched.`);
  }
}

async function appliedHashes(database: BackendDatabase): Promise<string[]> {
  const [exists] = await rowsOf<{ present: boolean }>(database.db, sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`);
  if (!exists?.present) return [];
  const rows = await rowsOf<{ hash: string }>(database.db, sql`SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id`);
  return rows.map((r) => r.hash);
}

async function checkAndMigrate(database: BackendDatabase, config: MigrationConfig): Promise<void> {
  const shipped = readMigrationFiles(config);
  const applied = await appliedHashes(database);
  if (applied.length > shipped.length) throw new DatabaseFromFutureError(applied.length, shipped.length);
  applied.forEach((hash, i) => {
    if (hash !== shipped[i]?.hash) throw new MigrationHistoryError(i);
  });
  if (database.driver === 'pglite') await migratePglite(database.db as unknown as PgliteDatabase<Schema>, config);
  else await migrateNodePg(database.db as unknown as NodePgDatabase<Schema>, config);
}

export async function migrateBackend(database: BackendDatabase, migrationsFolder = MIGRATIONS_DIR): Promise<void> {
  const config = { migrationsFolder };
  // PGlite has one connection and one process: nobody to take turns with.
  if (database.driver === 'pglite') return checkAndMigrate(database, config);
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await checkAndMigrate(database, config);
  });
}
