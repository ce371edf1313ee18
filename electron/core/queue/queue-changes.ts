// Incremental queue reads: a sync that changed three entries sends three rows, not 100,000.
// A row is re-sent when its entry was updated, its due state may have flipped (window opened or
// ended), its outbox moved, or the renderer asks for it by id (what it holds or waits for).
// Removals are not listed: the visible total tells the renderer to fetch everything again.
import { and, count, gt, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { kindsVisibleTo } from '../../../shared/domain';
import type { ChannelInput } from '../../../shared/contract';
import type { QueueChanges } from '../../../shared/views';
import type { DeskDb } from '../db/open';
import { outbox, requests } from '../db/schema';
import { rowColumns, toQueueRow, type Viewer } from './queue-view';

export function queueChanges(db: DeskDb, viewer: Viewer, input: ChannelInput<'queue.changes'>, now: Date): QueueChanges {
  // Read the clock before the query: anything written from now on carries a later updatedAt.
  const asOf = now.toISOString();
  const kinds = kindsVisibleTo(viewer.roles);
  if (kinds.length === 0) return { rows: [], total: 0, asOf, full: input.since === null };
  const visible = inArray(requests.kind, kinds);
  const since = input.since;
  let where: SQL | undefined = visible;
  if (since !== null) {
    const changed = [
      gte(requests.updatedAt, since),
      and(gt(requests.dueFrom, since), lte(requests.dueFrom, asOf)),
      and(gt(requests.dueUntil, since), lte(requests.dueUntil, asOf)),
      // Not correlated: evaluated once, not once per row of a 100,000-row queue.
      sql`${requests.id} IN (SELECT ${outbox.requestId} FROM ${outbox} WHERE ${outbox.at} >= ${since})`,
    ];
    if (input.ids?.length) changed.push(inArray(requests.id, input.ids));
    where = and(visible, or(...changed));
  }
  return db.transaction(() => {
    const rows = db.select(rowColumns).from(requests).where(where).all().map((r) => toQueueRow(r, viewer, now));
    const total = db.select({ n: count() }).from(requests).where(visible).get()?.n ?? 0;
    return { rows, total, asOf, full: since === null };
  });
}
