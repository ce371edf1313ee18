// How far each workstation has read the feed with the SMS and portal audiences (issue 17): the
// records below that mark are on it, so a Löschung of any of them awaits its receipt.
import { sql } from 'drizzle-orm';
import { type Queryable } from '../db/database';
import { logReaders } from '../db/schema';

export async function noteLogReader(q: Queryable, workstation: string, throughSeq: number): Promise<void> {
  await q
    .insert(logReaders)
    .values({ workstation, throughSeq })
    .onConflictDoUpdate({ target: logReaders.workstation, set: { throughSeq: sql`excluded.through_seq` }, setWhere: sql`${logReaders.throughSeq} < excluded.through_seq` });
}
