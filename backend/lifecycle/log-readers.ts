// How far each workstation has read the feed with the SMS and portal audiences (issue 17): the
// records below that mark are on it, so a Löschung of any of them awaits its receipt.
import { sql } from 'drizzle-orm';
import { type Queryable } from '../db/database';

/**
 * The marks this process has committed, per database. A mark only ever rises and no row is
 * deleted, so one noted here stays true: the pages of a pull after the first need no statement.
 */
const notedHere = new WeakMap<Queryable, Map<string, number>>();

export async function noteLogReader(q: Queryable, workstation: string, throughSeq: number): Promise<void> {
  let noted = notedHere.get(q);
  if (!noted) notedHere.set(q, (noted = new Map()));
  if ((noted.get(workstation) ?? -1) >= throughSeq) return;
  // Nothing is written, and no row locked, when the mark is already there: every page of a pull
  // notes the same head, and an upsert that changes nothing still locks the row and commits a
  // write (issue 19: one write per feed page was a good part of a page's time on PGlite).
  await q.execute(sql`
    INSERT INTO log_readers (workstation, through_seq)
    SELECT ${workstation}::uuid, ${throughSeq}::bigint
    WHERE NOT EXISTS (SELECT 1 FROM log_readers WHERE workstation = ${workstation}::uuid AND through_seq >= ${throughSeq}::bigint)
    ON CONFLICT (workstation) DO UPDATE SET through_seq = excluded.through_seq WHERE log_readers.through_seq < excluded.through_seq`);
  noted.set(workstation, Math.max(noted.get(workstation) ?? -1, throughSeq));
}
