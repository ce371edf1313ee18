// Full-text indexes and deletion. PRAGMA secure_delete does not reach FTS5's own segments: a
// deleted document's tokens stay in the index until a merge. Any FTS5 table that can hold
// personal data must be created through here, which turns on FTS5's `secure-delete` option.
// (The schema has no full-text index today; fts.test.ts fails when one appears without this.)
import type { DeskDb } from '../db/open';

export function enableFtsSecureDelete(db: DeskDb, table: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error('invalid FTS table name');
  db.$client.exec(`INSERT INTO ${table}(${table}, rank) VALUES('secure-delete', 1)`);
}

/** The FTS5 tables of the database and whether each has `secure-delete` on. */
export function ftsTables(db: DeskDb): { name: string; secureDelete: boolean }[] {
  const tables = db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'").all() as { name: string }[];
  return tables.map(({ name }) => {
    const config = db.$client.prepare(`SELECT v FROM "${name}_config" WHERE k = 'secure-delete'`).get() as { v: number } | undefined;
    return { name, secureDelete: config?.v === 1 };
  });
}
