// The planner's statistics on PGlite. A PostgreSQL server gathers them itself (autovacuum's
// ANALYZE); PGlite runs no autovacuum, so without this it plans every query as if each table
// held a handful of rows: a feed page of 500 events read all 100,000 SMS events of its audience
// and sorted them (35–50 ms a page instead of a few) because "2 rows" made a bitmap scan and a
// sort look cheaper than walking the (audience, seq) index (issue 19, the ingest row).
// So on PGlite: ANALYZE after a bulk load and every ten minutes; ANALYZE reads a sample of at
// most 30,000 rows per table, a fraction of a second even at millions of rows.
import { sql } from 'drizzle-orm';
import { repeatEvery } from '../jobs/repeat';
import { type BackendDatabase } from './database';

export const STATISTICS_EVERY_MS = 10 * 60_000;

export async function refreshPlannerStatistics(database: BackendDatabase): Promise<void> {
  if (database.driver !== 'pglite') return;
  await database.db.execute(sql`ANALYZE`);
}

/** Keeps PGlite's statistics fresh until the returned stop is called; nothing on a server. */
export function keepPlannerStatistics(database: BackendDatabase, everyMs = STATISTICS_EVERY_MS): () => Promise<void> {
  if (database.driver !== 'pglite') return async () => undefined;
  return repeatEvery(everyMs, () => refreshPlannerStatistics(database));
}
