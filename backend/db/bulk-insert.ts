// Many rows in one statement: the rows travel as one JSON parameter and PostgreSQL unpacks them
// (json_populate_recordset), which is several times faster than a multi-row VALUES list and
// has no parameter limit. Keys are the table's column names.
import { sql } from 'drizzle-orm';
import { type Queryable } from './database';

const CHUNK = 10_000;

export async function bulkInsert(q: Queryable, table: string, columns: readonly string[], rows: readonly Record<string, unknown>[]): Promise<void> {
  const list = sql.raw(columns.map((c) => `"${c}"`).join(', '));
  for (let start = 0; start < rows.length; start += CHUNK) {
    const json = JSON.stringify(rows.slice(start, start + CHUNK));
    await q.execute(sql`INSERT INTO ${sql.raw(`"${table}"`)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${sql.raw(`"${table}"`)}, ${json}::json)`);
  }
}
