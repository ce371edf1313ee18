// Reads one page of the feed for a user's audiences. The head is read first and bounds the page:
// every number up to a committed head is committed (append.ts), so a page never ends past an
// event that commits later. Each audience is read along its own index in sequence order and
// the runs are merged, so an agent's page does not wade through a million SMS events.
import { sql, type SQL } from 'drizzle-orm';
import { type RectifiableField } from '../../shared/subject-rights';
import { type FeedEvent } from '../../shared/sync-api';
import { rowsOf, type Queryable } from '../db/database';
import { feedHead } from '../db/schema';
import { wireInstant } from '../time';

export interface FeedRead {
  events: FeedEvent[];
  /** The sequence number of each event, for the fault mode's cursor replays. */
  seqs: number[];
  /** Where the next page starts: the last event served, or the head when nothing more is visible. */
  next: number;
  hasMore: boolean;
}

/**
 * One event as the page statement packs it: a JSON array in this order, not an object. Building
 * an object per row (json_agg of the record) cost PGlite three times the page's whole read.
 */
type PackedRow = [
  seq: string | number,
  id: string,
  type: string,
  at: string,
  data: Record<string, unknown> | null,
  smsId: string | null,
  customerNumber: string | null,
  sentAt: string | null,
  ip: string | null,
  portalId: string | null,
  portalCustomerNumber: string | null,
  portalAt: string | null,
  portalIp: string | null,
  portalAction: string | null,
];

export async function feedHeadSeq(q: Queryable): Promise<number> {
  const [row] = await q.select({ seq: feedHead.seq }).from(feedHead);
  return row?.seq ?? 0;
}

function toWire(row: PackedRow): FeedEvent {
  const [, id, type, at, data, smsId, customerNumber, sentAt, ip, portalId, portalCustomerNumber, portalAt, portalIp, portalAction] = row;
  const base = { id, type, at: wireInstant(at) };
  if (type === 'sms.logged') {
    return { ...base, sms: { id: smsId, customerNumber, sentAt: wireInstant(sentAt ?? at), ip } } as FeedEvent;
  }
  if (type === 'portal.logged') {
    const access = { id: portalId, customerNumber: portalCustomerNumber, at: wireInstant(portalAt ?? at), ip: portalIp, action: portalAction };
    return { ...base, access } as FeedEvent;
  }
  return { ...base, ...data } as FeedEvent;
}

/**
 * The events after `after` up to `head` for these audiences, in order, at most `limit`. Each
 * audience's run walks the (audience, seq) index and the runs are merged, so a page reads about
 * what it returns (the plan is checked in planner-statistics.test.ts).
 */
export function feedPageStatement(audiences: readonly number[], after: number, head: number, limit: number): SQL {
  const runs = audiences.map(
    (audience) => sql`(SELECT seq, id, type, at, data, sms_id, portal_id FROM feed_events WHERE audience = ${audience} AND seq > ${after} AND seq <= ${head} ORDER BY seq LIMIT ${limit})`,
  );
  return sql`SELECT e.seq, e.id, e.type, e.at, e.data, e.sms_id, s.customer_number, s.sent_at, s.ip,
               e.portal_id, p.customer_number AS portal_customer_number, p.at AS portal_at, p.ip AS portal_ip, p.action AS portal_action
        FROM (${sql.join(runs, sql` UNION ALL `)}) e
        LEFT JOIN sms_log s ON s.id = e.sms_id
        LEFT JOIN portal_access p ON p.id = e.portal_id
        ORDER BY e.seq LIMIT ${limit}`;
}

/** `knownHead`: a head the caller read just before (it bounds the page as well; one read fewer). */
export async function readFeed(q: Queryable, audiences: readonly number[], after: number, limit: number, workstation?: string, knownHead?: number): Promise<FeedRead> {
  const head = knownHead ?? (await feedHeadSeq(q));
  if (audiences.length === 0 || after >= head) return { events: [], seqs: [], next: head, hasMore: false };
  // The page comes back as one JSON text, not as rows: decoding a thousand rows of fourteen
  // columns field by field cost PGlite more than reading them (issue 19, the ingest row).
  const [packed] = await rowsOf<{ page: string }>(
    q,
    sql`SELECT coalesce(json_agg(json_build_array(e.seq, e.id, e.type, e.at, e.data, e.sms_id, e.customer_number, e.sent_at, e.ip,
                 e.portal_id, e.portal_customer_number, e.portal_at, e.portal_ip, e.portal_action) ORDER BY e.seq), '[]')::text AS page
        FROM (${feedPageStatement(audiences, after, head, limit + 1)}) e`,
  );
  const rows = JSON.parse(packed?.page ?? '[]') as PackedRow[];
  const hasMore = rows.length > limit;
  const served = rows.slice(0, limit);
  const seqs = served.map((r) => Number(r[0]));
  const events = await withRectifiedValues(q, served.map(toWire), workstation);
  return { events, seqs, next: hasMore ? (seqs[seqs.length - 1] ?? after) : head, hasMore };
}

/**
 * Issue 17 part 5: a `request.rectified` stores only the fields' names. The new values are read
 * from the request now, and only for the workstation holding its claim: that one holds a copy to
 * correct, nobody else receives them (and none of them stays in the feed).
 */
async function withRectifiedValues(q: Queryable, events: FeedEvent[], workstation: string | undefined): Promise<FeedEvent[]> {
  const ids = [...new Set(events.flatMap((e) => (e.type === 'request.rectified' ? [e.requestId] : [])))];
  if (ids.length === 0 || workstation === undefined) return events;
  const held = await rowsOf<Record<RectifiableField, string | null> & { id: string }>(
    q,
    sql`SELECT id, name, email, phone, subject, message FROM requests
        WHERE id IN (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) AND status = 'claimed' AND lease_workstation = ${workstation}::uuid AND name IS NOT NULL`,
  );
  const byId = new Map(held.map((r) => [r.id, r]));
  return events.map((e) => {
    const row = e.type === 'request.rectified' ? byId.get(e.requestId) : undefined;
    if (e.type !== 'request.rectified' || !row) return e;
    const values = Object.fromEntries(e.fields.flatMap((f) => (row[f] === null ? [] : [[f, row[f]]])));
    return { ...e, values };
  });
}
