// One drizzle type for both drivers (PGlite in-process, `pg` against a server), so every rule of
// the backend is written once and one test suite runs on both (STYLE.md 13).
import { type SQL } from 'drizzle-orm';
import { type PgDatabase, type PgQueryResultHKT, type PgTransaction } from 'drizzle-orm/pg-core';
import { type ExtractTablesWithRelations } from 'drizzle-orm';
import type * as schema from './schema';

export type Schema = typeof schema;
export type BackendDb = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs a statement: the database or a transaction of it. */
export type Queryable = BackendDb | Tx;

export type Driver = 'postgres' | 'pglite';

export interface BackendDatabase {
  readonly db: BackendDb;
  readonly driver: Driver;
  /** Called with every NOTIFY on `channel` from any process (PostgreSQL) or this one (PGlite). */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** PGlite only: the database as an image; tests load a migrated one instead of running initdb each time. */
  image?: () => Promise<Blob>;
}

/** Rows of a raw statement; both drivers answer with `{ rows }`. */
export async function rowsOf<T>(q: Queryable, statement: SQL): Promise<T[]> {
  const result = (await q.execute(statement)) as unknown as { rows: T[] };
  return result.rows;
}
