// Appends events to the feed inside the caller's transaction. The feed_head row is locked and
// advanced first, so sequence numbers are handed out in commit order: a transaction that got
// a number commits before the next one can get one, and a reader who has seen number n has
// seen every number below it (STYLE.md 14, Replicache's "global version"). The NOTIFY wakes
// waiting feed reads in every process when the transaction commits.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { type FeedEventType } from '../../shared/sync-api';
import { rowsOf, type Tx } from '../db/database';
import { bulkInsert } from '../db/bulk-insert';
import { feedHead } from '../db/schema';

export const FEED_CHANNEL = 'servicedesk_feed';

export interface NewFeedEvent {
  type: FeedEventType;
  at: Date;
  audience: number;
  /** The event's fields besides id, type and at; never personal data. */
  data: Record<string, unknown>;
  /** sms.logged: the record it shows (read from sms_log, and deleted with it). */
  smsId?: string;
  /** portal.logged: likewise from portal_access. */
  portalId?: string;
}

const COLUMNS = ['seq', 'id', 'type', 'at', 'audience', 'sms_id', 'portal_id', 'data'] as const;

/** Events up to this many go in with the head's advance in one statement (the usual case). */
const ONE_STATEMENT_MAX = 10_000;

export async function appendFeed(tx: Tx, events: readonly NewFeedEvent[]): Promise<void> {
  if (events.length === 0) return;
  // NOTIFY is delivered at commit wherever it stands in the transaction, so it goes with the
  // insert: the feed_head lock is then held for one statement and the commit, not four round
  // trips (every writer queues on this lock; issue 19).
  const rows = events.map((e, i) => ({
    seq: i,
    id: randomUUID(),
    type: e.type,
    at: e.at.toISOString(),
    audience: e.audience,
    sms_id: e.smsId ?? null,
    portal_id: e.portalId ?? null,
    data: e.data,
  }));
  if (events.length <= ONE_STATEMENT_MAX) {
    // `seq` in the JSON is the event's place in this batch; the head's new value gives the number.
    const [appended] = await rowsOf<{ n: number }>(
      tx,
      sql`
      WITH head AS (UPDATE feed_head SET seq = seq + ${events.length} WHERE id = 1 RETURNING seq),
        added AS (
          INSERT INTO feed_events (seq, id, type, at, audience, sms_id, portal_id, data)
          SELECT head.seq - ${events.length} + 1 + e.seq, e.id, e.type, e.at, e.audience, e.sms_id, e.portal_id, e.data
          FROM head, json_populate_recordset(NULL::feed_events, ${JSON.stringify(rows)}::json) AS e
          RETURNING 1)
      SELECT (SELECT count(*) FROM added)::int AS n, pg_notify(${FEED_CHANNEL}, '') AS notified`,
    );
    if (appended?.n !== events.length) throw new Error('feed_head row missing');
    return;
  }
  const [head] = await tx
    .update(feedHead)
    .set({ seq: sql`${feedHead.seq} + ${events.length}` })
    .where(eq(feedHead.id, 1))
    .returning({ seq: feedHead.seq });
  if (!head) throw new Error('feed_head row missing');
  const first = head.seq - events.length + 1;
  await bulkInsert(tx, 'feed_events', COLUMNS, rows.map((row) => ({ ...row, seq: first + row.seq })));
  await tx.execute(sql`SELECT pg_notify(${FEED_CHANNEL}, '')`);
}
