// Reads the queue for the renderer. Rows never carry personal data; a detail carries it only
// when this workstation holds it and the user's roles may work the request's kind.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { kindsVisibleTo, kindsWorkableBy, type Role } from '../../../shared/domain';
import type { ChannelInput } from '../../../shared/contract';
import type { AttemptView, PersonalData, QueueRow, RequestDetail } from '../../../shared/views';
import type { DeskDb } from '../db/open';
import { callbackAttempts, outbox, personalData, requests } from '../db/schema';
import { DeskError } from '../desk-error';
import { attemptHistory } from './attempt-history';
import { dueState } from './due';
import { checkRetry, readRetryRules } from './retry-rules';

export interface Viewer {
  userId: string;
  roles: readonly Role[];
}

export const rowColumns = {
  request: requests,
  hasPersonalData: sql<number>`EXISTS (SELECT 1 FROM ${personalData} WHERE ${personalData.requestId} = ${requests.id})`,
  pendingEvents: sql<number>`(SELECT count(*) FROM ${outbox} WHERE ${outbox.requestId} = ${requests.id} AND ${outbox.status} = 'pending')`,
  restricted: sql<number>`EXISTS (SELECT 1 FROM restricted_records x WHERE x.source = 'request' AND x.record_id = ${requests.id} AND x.active = 1)`,
};

export type RowRecord = { request: typeof requests.$inferSelect; hasPersonalData: number; pendingEvents: number; restricted?: number };

export function listQueue(db: DeskDb, viewer: Viewer, filter: ChannelInput<'queue.list'>, now: Date): QueueRow[] {
  const visible = kindsVisibleTo(viewer.roles);
  const kinds = filter.kinds ? filter.kinds.filter((k) => visible.includes(k)) : visible;
  if (kinds.length === 0) return [];
  const statuses = filter.statuses ?? [];
  const topics = filter.topics ?? [];
  const params: Record<string, string | number> = { limit: filter.limit ?? 100_000 };
  kinds.forEach((k, i) => (params[`k${i}`] = k));
  statuses.forEach((v, i) => (params[`s${i}`] = v));
  topics.forEach((v, i) => (params[`t${i}`] = v));
  return preparedQueueQuery(db, kinds.length, statuses.length, topics.length)
    .all(params)
    .map((r) => toQueueRow(r, viewer, now));
}

/**
 * The queue query is the hottest read: prepared once per filter shape (how many kinds,
 * statuses, topics) and database, with placeholders for the values.
 */
const queueQueries = new WeakMap<DeskDb, Map<string, ReturnType<typeof buildQueueQuery>>>();

function preparedQueueQuery(db: DeskDb, kinds: number, statuses: number, topics: number) {
  let byShape = queueQueries.get(db);
  if (!byShape) queueQueries.set(db, (byShape = new Map()));
  const shape = `${kinds}/${statuses}/${topics}`;
  let query = byShape.get(shape);
  if (!query) byShape.set(shape, (query = buildQueueQuery(db, kinds, statuses, topics)));
  return query;
}

function buildQueueQuery(db: DeskDb, kinds: number, statuses: number, topics: number) {
  const placeholders = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => sql.placeholder(`${prefix}${i}`));
  const conditions = [inArray(requests.kind, placeholders('k', kinds))];
  if (statuses > 0) conditions.push(inArray(requests.status, placeholders('s', statuses)));
  if (topics > 0) conditions.push(inArray(requests.topic, placeholders('t', topics)));
  return db
    .select(rowColumns)
    .from(requests)
    .where(and(...conditions))
    // Matches the index requests_queue_order: undated entries (messages) after the callbacks.
    .orderBy(sql`${requests.dueFrom} IS NULL`, asc(requests.dueFrom), asc(requests.receivedAt))
    .limit(sql.placeholder('limit'))
    .prepare();
}

export function requestDetail(db: DeskDb, viewer: Viewer, requestId: string, now: Date): RequestDetail {
  const record = db.select(rowColumns).from(requests).where(eq(requests.id, requestId)).get();
  if (!record || !kindsVisibleTo(viewer.roles).includes(record.request.kind)) {
    throw new DeskError('not_found', 'Der Vorgang ist nicht (mehr) vorhanden.');
  }
  const mayWork = kindsWorkableBy(viewer.roles).includes(record.request.kind);
  const personal = mayWork && !claimedByAnother(record.request, viewer) ? (db.select().from(personalData).where(eq(personalData.requestId, requestId)).get() ?? null) : null;
  const attempts = db
    .select()
    .from(callbackAttempts)
    .where(eq(callbackAttempts.requestId, requestId))
    .orderBy(asc(callbackAttempts.attemptNo))
    .all();
  const r = record.request;
  const rejected = db
    .select({ message: outbox.lastError, at: outbox.at })
    .from(outbox)
    .where(and(eq(outbox.requestId, requestId), eq(outbox.status, 'rejected')))
    .orderBy(desc(outbox.seq))
    .limit(1)
    .get();
  const workable = mayWork && r.kind === 'callback' && r.status !== 'closed';
  return {
    row: toQueueRow(record, viewer, now),
    retry: workable ? checkRetry(attemptHistory(db, r), readRetryRules(db), now) : null,
    rejection: rejected?.message ? { message: rejected.message, at: rejected.at } : null,
    personal: personal && {
      salutation: personal.salutation as PersonalData['salutation'],
      name: personal.name,
      phone: personal.phone,
      email: personal.email,
      subject: personal.subject,
      message: personal.message,
      note: personal.note,
    },
    attempts: attempts.map((a) => ({ attemptNo: a.attemptNo, disposition: a.disposition as AttemptView['disposition'], at: a.at, by: a.byName })),
    retention:
      r.retentionReason && r.retainedUntil ? { reason: r.retentionReason as NonNullable<RequestDetail['retention']>['reason'], until: r.retainedUntil, note: r.retentionNote } : null,
  };
}

/** A case still claimed by a user who switched away at this workstation stays theirs: the next user sees none of its data. */
function claimedByAnother(r: Pick<RowRecord['request'], 'status' | 'ownerUserId'>, viewer: Viewer): boolean {
  return r.status !== 'closed' && r.ownerUserId !== null && r.ownerUserId !== viewer.userId;
}

export function toQueueRow({ request: r, hasPersonalData, pendingEvents, restricted }: RowRecord, viewer: Viewer, now: Date): QueueRow {
  return {
    id: r.id,
    kind: r.kind,
    receivedAt: r.receivedAt,
    topic: r.topic as QueueRow['topic'],
    preferredDate: r.preferredDate,
    preferredWindow: r.windowFrom && r.windowTo ? { from: r.windowFrom, to: r.windowTo } : null,
    dueFrom: r.dueFrom,
    dueUntil: r.dueUntil,
    status: r.status,
    owner: r.ownerName ? { displayName: r.ownerName, mine: r.ownerUserId === viewer.userId } : null,
    leaseUntil: r.leaseUntil,
    attempts: r.attempts,
    forwardedTo: r.forwardedTo as QueueRow['forwardedTo'],
    closedAt: r.closedAt,
    outcome: r.outcome as QueueRow['outcome'],
    hasPersonalData: Boolean(hasPersonalData) && !claimedByAnother(r, viewer),
    pendingEvents: Number(pendingEvents),
    reference: r.reference,
    due: dueState(r, now),
    restricted: Boolean(restricted),
  };
}
