// The workbench table's data: one window of the queue, filtered, searched and sorted in SQLite, and
// the counts behind the filter bar. The renderer holds a screen of rows, never the whole queue.
import type Database from 'better-sqlite3';
import { kindsVisibleTo, type RequestKind, type Topic } from '../../../shared/domain';
import { KIND_LABELS, TOPIC_LABELS } from '../../../shared/labels';
import type { QueueCounts, QueueFilter, QueueSort, QueueWindow, QueueWindowInput } from '../../../shared/queue-window';
import { REQUEST_STATUSES, type RequestStatus } from '../../../shared/views';
import type { DeskDb } from '../db/open';
import { queueRowsByRowid } from './queue-rows';
import { searchConditions } from './queue-search';
import type { Viewer } from './queue-view';
import { SqlParams } from './sql-params';
import { ensureTextFunctions } from './text-functions';

const collator = new Intl.Collator('de-DE', { sensitivity: 'base', numeric: true });

/** `CASE col WHEN … THEN rank END` ranking wire values by their German label's dictionary order. */
function labelRank<K extends string>(column: string, labels: Record<K, string>): string {
  const keys = (Object.keys(labels) as K[]).sort((a, b) => collator.compare(labels[a], labels[b]));
  return `CASE ${column} ${keys.map((k, i) => `WHEN '${k}' THEN ${i}`).join(' ')} END`;
}

/** Workflow order, so "Offen" comes first, not alphabetical order of the labels. */
const STATUS_RANK = `CASE r.status ${REQUEST_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`;

/** Nothing is due for entries without a window and for closed ones (due.ts, as SQL on ISO instants). */
const HAS_WINDOW = `(r.due_from IS NOT NULL AND r.due_until IS NOT NULL AND r.status <> 'closed')`;
const DUE_NOW = `(${HAS_WINDOW} AND r.due_from <= @now AND @now < r.due_until)`;
const OVERDUE = `(${HAS_WINDOW} AND r.due_until <= @now)`;
/** Most urgent first: overdue, due now, later; entries without a window last. */
const DUE_RANK = `CASE WHEN NOT ${HAS_WINDOW} THEN NULL WHEN @now < r.due_from THEN 2 WHEN @now < r.due_until THEN 1 ELSE 0 END`;
/** Mine: held by me, or a claim of this workstation still on its way. */
const MINE = `((r.owner_name IS NOT NULL AND r.owner_user_id = @me) OR (r.status = 'claimed' AND r.owner_name IS NULL) OR r.status = 'claim_pending')`;

/** The default order; every sort ends with it and the rowid, so pages never overlap or skip. */
const DEFAULT_ORDER = `(r.due_from IS NULL), r.due_from, r.received_at, r.rowid`;

/** ORDER BY for a column; entries without a value come last in both directions, like the table did. */
function orderBy({ column, desc }: QueueSort): string {
  const dir = desc ? ' DESC' : '';
  switch (column) {
    case 'due':
      return desc ? `(r.due_from IS NULL), r.due_from DESC, r.received_at, r.rowid` : DEFAULT_ORDER;
    case 'received':
      return `r.received_at${dir}, ${DEFAULT_ORDER}`;
    case 'kind':
      return `${labelRank('r.kind', KIND_LABELS)}${dir}, ${DEFAULT_ORDER}`;
    case 'topic':
      return `${labelRank('r.topic', TOPIC_LABELS)}${dir}, ${DEFAULT_ORDER}`;
    case 'status':
      return `${STATUS_RANK}${dir}, ${DEFAULT_ORDER}`;
    case 'owner':
      // "ich" is how the table shows my own entries.
      return `(r.owner_name IS NULL), CASE WHEN r.owner_user_id = @me THEN 'ich' ELSE desk_fold(r.owner_name) END${dir}, ${DEFAULT_ORDER}`;
    case 'attempts':
      return `r.attempts${dir}, ${DEFAULT_ORDER}`;
    case 'dueState':
      return `(${DUE_RANK}) IS NULL, ${DUE_RANK}${dir}, ${DEFAULT_ORDER}`;
  }
}

interface Where {
  sql: string;
  params: SqlParams;
}

function whereFor(viewer: Viewer, filter: QueueFilter, now: Date): Where | null {
  const params = new SqlParams();
  const visible = kindsVisibleTo(viewer.roles);
  const kinds = filter.kind ? visible.filter((k) => k === filter.kind) : visible;
  if (kinds.length === 0) return null;
  const conditions = [`r.kind ${params.in(kinds)}`];
  if (filter.status) conditions.push(`r.status = ${params.bind(filter.status)}`);
  if (filter.topic) conditions.push(`r.topic = ${params.bind(filter.topic)}`);
  if (filter.quick === 'due_now') conditions.push(DUE_NOW);
  if (filter.quick === 'overdue') conditions.push(OVERDUE);
  if (filter.quick === 'mine') conditions.push(MINE);
  conditions.push(...searchConditions(filter.search, params));
  params.values.now = now.toISOString();
  params.values.me = viewer.userId;
  return { sql: conditions.join(' AND '), params };
}

// Statements by text: the text depends on the filter's shape only (values are parameters), so
// the cache stays small; it is dropped whole if odd searches ever make it grow.
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function prepared(client: Database.Database, text: string): Database.Statement {
  let byText = statements.get(client);
  if (!byText) statements.set(client, (byText = new Map()));
  let statement = byText.get(text);
  if (!statement) {
    if (byText.size > 500) byText.clear();
    byText.set(text, (statement = client.prepare(text)));
  }
  return statement;
}

/**
 * SQLite can walk the index of the default order and stop after the window: the right plan while
 * matches are dense, but a rare search would make it visit (and look up) most rows one by one.
 * Costs measured here at 100k rows: a walk ≈ 0.5 µs per row visited; a scan ≈ 10 ms plus ≈ 1 µs
 * per row it keeps sorted. The cheaper plan is forced (`INDEXED BY` or `NOT INDEXED`).
 */
function walkIsCheaper(windowEnd: number, matches: number, visible: number): boolean {
  const visits = (windowEnd * visible) / matches;
  return visits <= 20_000 + 2 * Math.min(matches, windowEnd);
}

export function queueWindow(db: DeskDb, viewer: Viewer, input: QueueWindowInput, now: Date): QueueWindow {
  const asOf = now.toISOString();
  const where = whereFor(viewer, input.filter, now);
  if (!where) return { rows: [], offset: input.offset, total: 0, asOf };
  const client = db.$client;
  ensureTextFunctions(client);
  return db.transaction(() => {
    const total = count(client, where);
    if (total === 0) return { rows: [], offset: 0, total, asOf };
    // Past the end (rows left meanwhile): the last window instead of an empty one.
    const offset = input.offset < total ? input.offset : Math.max(0, total - input.limit);
    const order = orderBy(input.sort);
    const filtered = Object.values(input.filter).some((v) => v !== undefined && v !== '');
    const walk = order === DEFAULT_ORDER && walkIsCheaper(offset + input.limit, total, filtered ? countVisible(client, viewer) : total);
    const plan = walk ? 'INDEXED BY requests_due_order' : 'NOT INDEXED';
    const rowids = (
      prepared(client, `SELECT r.rowid AS rid FROM requests r ${plan} WHERE ${where.sql} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all({
        ...where.params.values,
        limit: input.limit,
        offset,
      }) as { rid: number }[]
    ).map((r) => r.rid);
    return { rows: queueRowsByRowid(db, rowids, viewer, now), offset, total, asOf };
  });
}

function count(client: Database.Database, where: Where): number {
  return (prepared(client, `SELECT count(*) AS n FROM requests r WHERE ${where.sql}`).get(where.params.values) as { n: number }).n;
}

/** Rows the viewer may see at all (a covering-index count). */
function countVisible(client: Database.Database, viewer: Viewer): number {
  const params = new SqlParams();
  return (prepared(client, `SELECT count(*) AS n FROM requests WHERE kind ${params.in(kindsVisibleTo(viewer.roles))}`).get(params.values) as { n: number }).n;
}

/**
 * How many rows each kind, status, topic and quick filter has, over everything the viewer may see:
 * three index-backed queries (kind/status/topic groups, open windows by due time, my entries).
 */
export function queueCounts(db: DeskDb, viewer: Viewer, now: Date): QueueCounts {
  const counts: QueueCounts = { all: 0, kind: {}, status: {}, topic: {}, quick: { due_now: 0, overdue: 0, mine: 0 } };
  const where = whereFor(viewer, {}, now);
  if (!where) return counts;
  const client = db.$client;
  return db.transaction(() => {
    const groups = prepared(client, `SELECT r.kind, r.status, r.topic, count(*) AS n FROM requests r WHERE ${where.sql} GROUP BY r.kind, r.status, r.topic`).all(
      where.params.values,
    ) as { kind: RequestKind; status: RequestStatus; topic: Topic; n: number }[];
    for (const g of groups) {
      counts.all += g.n;
      counts.kind[g.kind] = (counts.kind[g.kind] ?? 0) + g.n;
      counts.status[g.status] = (counts.status[g.status] ?? 0) + g.n;
      counts.topic[g.topic] = (counts.topic[g.topic] ?? 0) + g.n;
    }
    // Windows that have begun: due now until their end, overdue after it.
    const begun = prepared(
      client,
      `SELECT count(*) AS begun, coalesce(sum(r.due_until <= @now), 0) AS overdue FROM requests r WHERE ${where.sql} AND (r.due_from IS NULL) = 0 AND r.due_from <= @now AND ${HAS_WINDOW}`,
    ).get(where.params.values) as { begun: number; overdue: number };
    counts.quick.overdue = begun.overdue;
    counts.quick.due_now = begun.begun - begun.overdue;
    counts.quick.mine = count(client, { sql: `${where.sql} AND ${MINE}`, params: where.params });
    return counts;
  });
}
