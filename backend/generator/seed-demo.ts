// The demo's data goes only into an empty database: a restart keeps what is there, and two
// processes starting together against one server seed it once (an advisory lock).
import { sql } from 'drizzle-orm';
import { rowsOf, type BackendDb } from '../db/database';
import { generateHistory, type GenerateCounts, type GeneratorContext } from './index';
import { loadBatchInto, type LoadedCounts } from './load';

const SEED_LOCK = 0x53445f53; // 'SD_S'

export async function seedDemoIfEmpty(db: BackendDb, ctx: GeneratorContext, counts: GenerateCounts, now: Date): Promise<LoadedCounts | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    const [row] = await rowsOf<{ used: boolean }>(tx, sql`SELECT EXISTS (SELECT 1 FROM requests) OR EXISTS (SELECT 1 FROM sms_log) AS used`);
    if (row?.used) return null;
    return loadBatchInto(tx, generateHistory(ctx, counts, now.getTime()));
  });
}
