// Opens the local database: pragmas for durability and deletion, then the committed
// drizzle-kit migrations. A database written by a newer app version is refused, not guessed at.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type DeskDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
export const DB_FILE = 'servicedesk.sqlite';

export class DatabaseFromFutureError extends Error {
  override readonly name = 'DatabaseFromFutureError';
  constructor(file: string) {
    super(
      `Die Datenbank ${file} stammt von einer neueren Version von Servicecenter Desk und wird nicht geöffnet. ` +
        'Bitte die aktuelle Version installieren.',
    );
  }
}

export class MigrationHistoryError extends Error {
  override readonly name = 'MigrationHistoryError';
  constructor(file: string) {
    super(
      `Die Migrationshistorie der Datenbank ${file} passt nicht zu dieser Version (abweichende oder fehlende Schritte). ` +
        'Die Datenbank wird nicht verändert.',
    );
  }
}

export interface OpenOptions {
  migrationsDir?: string;
  /** Only for the test that proves the purge test would catch it: never false in the app. */
  secureDelete?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): DeskDb {
  const client = new Database(file);
  try {
    applyPragmas(client, options.secureDelete ?? true);
    const migrationsFolder = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
    refuseForeignHistory(client, migrationsFolder, file);
    const db = drizzle(client, { schema });
    migrate(db, { migrationsFolder });
    return db;
  } catch (error) {
    client.close();
    throw error;
  }
}

function applyPragmas(client: Database.Database, secureDelete: boolean): void {
  // Before any table exists (a new file) this takes effect: freed pages can then be returned to
  // the file system after a purge (scrubWal). On an older file it is a no-op until a VACUUM.
  client.pragma('auto_vacuum = INCREMENTAL');
  client.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before we acknowledge anything to the backend or the user.
  client.pragma('synchronous = FULL');
  client.pragma('foreign_keys = ON');
  // Deleted content is overwritten with zeros, in the table, its indexes and freed pages.
  client.pragma(`secure_delete = ${secureDelete ? 'ON' : 'OFF'}`);
  client.pragma('busy_timeout = 5000');
  // 64 MiB of page cache: the SMS indexes take random keys, and ingest touches many pages.
  client.pragma('cache_size = -65536');
}

/** Every applied migration must be one we ship, in our order; anything else is refused. */
function refuseForeignHistory(client: Database.Database, migrationsFolder: string, file: string): void {
  const hasTable = client
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!hasTable) return;
  const shipped = readMigrationFiles({ migrationsFolder });
  const applied = client.prepare('SELECT hash, created_at AS createdAt FROM __drizzle_migrations ORDER BY id').all() as {
    hash: string;
    createdAt: number;
  }[];
  const newestShipped = Math.max(0, ...shipped.map((m) => m.folderMillis));
  if (applied.some((m) => Number(m.createdAt) > newestShipped)) throw new DatabaseFromFutureError(file);
  applied.forEach((m, i) => {
    const expected = shipped[i];
    if (!expected || expected.hash !== m.hash || expected.folderMillis !== Number(m.createdAt)) {
      throw new MigrationHistoryError(file);
    }
  });
}
