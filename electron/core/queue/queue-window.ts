// The workbench table's data: one window of the queue, filtered, searched and sorted in SQLite, and
// the counts behind the filter bar. The renderer holds a screen of rows, never the whole queue.
import type Database from 'better-sqlite3';
import { kindsVisibleTo, REQUEST_KINDS, TOPICS, type RequestKind, type Topic } from '../../../shared/domain';
import { KIND_LABELS, TOPIC_LABELS } from '../../../shared/labels';
import type { QueueCounts, QueueFilter, QueueSort, QueueWindow, QueueWindowInput } from '../../../shared/queue-window';
import { REQUEST_STATUSES, type RequestStatus } from '../../../shared/views';
import type { DeskDb } from '../db/open';
import { groupCounts, sumGroups, type GroupCount } from './queue-groups';
import { queueRowsByRowid } from './queue-rows';
import { searchConditions } from './queue-search';
import type { Viewer } from './queue-view';
import { listLiteral, SqlParams } from './sql-params';
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
/**
 * Mine: held by me, or a claim of this workstation still on its way. Few rows, found through the
 * owner and status indexes (a UNION, so each half uses its index) instead of a look at every row.
 */
const MINE = `r.rowid IN (
  SELECT rowid FROM requests INDEXED BY requests_owner WHERE owner_user_id = @me AND owner_name IS NOT NULL
  UNION
  SELECT rowid FROM requests INDEXED BY requests_status_due WHERE status IN ('claimed', 'claim_pending') AND (status = 'claim_pending' OR owner_name IS NULL))`;

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
      // "Sie" is how the table shows my own entries.
      return `(r.owner_name IS NULL), CASE WHEN r.owner_user_id = @me THEN 'sie' ELSE desk_fold(r.owner_name) END${dir}, ${DEFAULT_ORDER}`;
    case 'attempts':
      return `r.attempts${dir}, ${DEFAULT_ORDER}`;
    case 'dueState':
      return `(${DUE_RANK}) IS NULL, ${DUE_RANK}${dir}, ${DEFAULT_ORDER}`;
  }
}

type CountPlan = 'filter-index' | 'scan' | 'rowids';

interface Where {
  sql: string;
  params: SqlParams;
  /** How to count: from the narrow filter index, by one scan of the table, or as SQLite sees fit. */
  countPlan: CountPlan;
  /** Set when only kind, status and topic are compared: the total is a sum of group counts. */
  groups?: { kinds: RequestKind[]; status?: RequestStatus; topic?: Topic };
}

function whereFor(viewer: Viewer, filter: QueueFilter, now: Date): Where | null {
  const params = new SqlParams();
  const visible = kindsVisibleTo(viewer.roles);
  const kinds = filter.kind ? visible.filter((k) => k === filter.kind) : visible;
  if (kinds.length === 0) return null;
  // For "Mine" the unary + keeps SQLite from the kind index, so it looks up the few rows by rowid.
  // Kind, status and topic as literals (listLiteral says why); user text stays a parameter.
  const conditions = [`${filter.quick === 'mine' ? '+' : ''}r.kind IN (${kinds.map((k) => listLiteral(k, REQUEST_KINDS)).join(', ')})`];
  if (filter.status) conditions.push(`r.status = ${listLiteral(filter.status, REQUEST_STATUSES)}`);
  if (filter.topic) conditions.push(`r.topic = ${listLiteral(filter.topic, TOPICS)}`);
  if (filter.quick === 'due_now') conditions.push(DUE_NOW);
  if (filter.quick === 'overdue') conditions.push(OVERDUE);
  if (filter.quick === 'mine') conditions.push(MINE);
  const search = searchConditions(filter.search, params);
  conditions.push(...search.conditions);
  params.values.now = now.toISOString();
  params.values.me = viewer.userId;
  // Due filters compare the window's times, which the index does not hold.
  const countPlan: CountPlan =
    filter.quick === 'mine' ? 'rowids' : search.indexOnly && filter.quick !== 'due_now' && filter.quick !== 'overdue' ? 'filter-index' : 'scan';
  const groups = !filter.quick && search.conditions.length === 0 ? { kinds, status: filter.status, topic: filter.topic } : undefined;
  return { sql: conditions.join(' AND '), params, countPlan, groups };
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

// One read transaction per call (total and rows from the same snapshot), run through a
// transaction function made once per connection: drizzle's db.transaction builds a new one and a
// transaction object each time, ≈ 10 % of a first page's time.
const readers = new WeakMap<Database.Database, <T>(work: () => T) => T>();

function inReadTransaction<T>(client: Database.Database, work: () => T): T {
  let reader = readers.get(client);
  if (!reader) {
    const transaction = client.transaction((run: () => unknown) => run());
    readers.set(client, (reader = <R>(run: () => R) => transaction(run) as R));
  }
  return reader(work);
}

export function queueWindow(db: DeskDb, viewer: Viewer, input: QueueWindowInput, now: Date): QueueWindow {
  const asOf = now.toISOString();
  const where = whereFor(viewer, input.filter, now);
  if (!where) return { rows: [], offset: input.offset, total: 0, asOf };
  const client = db.$client;
  ensureTextFunctions(client);
  return inReadTransaction(client, () => {
    // Read once per call: both the total and the rows the viewer may see come from them.
    const groups = groupCounts(client);
    const total = count(client, where, groups);
    if (total === 0) return { rows: [], offset: 0, total, asOf };
    // Past the end (rows left meanwhile): the last window instead of an empty one.
    const offset = input.offset < total ? input.offset : Math.max(0, total - input.limit);
    const order = orderBy(input.sort);
    const filtered = Object.values(input.filter).some((v) => v !== undefined && v !== '');
    const visible = filtered ? sumGroups(groups, kindsVisibleTo(viewer.roles)) : total;
    const walk = order === DEFAULT_ORDER && walkIsCheaper(offset + input.limit, total, visible);
    const plan = walk ? 'INDEXED BY requests_due_order' : 'NOT INDEXED';
    const rowids = (
      // The limit as a literal too (a bound LIMIT costs the same new preparation); few sizes are asked for.
      prepared(client, `SELECT r.rowid AS rid FROM requests r ${plan} WHERE ${where.sql} ORDER BY ${order} LIMIT ${Math.trunc(input.limit)} OFFSET @offset`).all({
        ...where.params.values,
        offset,
      }) as { rid: number }[]
    ).map((r) => r.rid);
    return { rows: queueRowsByRowid(db, rowids, viewer, now), offset, total, asOf };
  });
}

/**
 * How many rows match. Conditions on kind, status, topic and owner are counted from the narrow
 * index that holds those columns (≈ 4–6 ms at 100k rows); conditions on other columns need the
 * table, and then one scan beats the index plus a table lookup per row (13 ms against 35 ms;
 * SQLite picks the latter without statistics). "Mine" names its rows by rowid: SQLite looks
 * those up directly.
 */
function count(client: Database.Database, where: Where, groups: readonly GroupCount[]): number {
  if (where.groups) return sumGroups(groups, where.groups.kinds, where.groups.status, where.groups.topic);
  const plan = { 'filter-index': ' INDEXED BY requests_queue_filter', scan: ' NOT INDEXED', rowids: '' }[where.countPlan];
  return (prepared(client, `SELECT count(*) AS n FROM requests r${plan} WHERE ${where.sql}`).get(where.params.values) as { n: number }).n;
}

/**
 * How many rows each kind, status, topic and quick filter has, over everything the viewer may see:
 * the group counts (cached per change of the data), open windows by due time, my entries.
 */
export function queueCounts(db: DeskDb, viewer: Viewer, now: Date): QueueCounts {
  const counts: QueueCounts = { all: 0, kind: {}, status: {}, topic: {}, quick: { due_now: 0, overdue: 0, mine: 0 } };
  const where = whereFor(viewer, {}, now);
  if (!where) return counts;
  const client = db.$client;
  return inReadTransaction(client, () => {
    const visible = kindsVisibleTo(viewer.roles);
    const groups = groupCounts(client);
    for (const g of groups) {
      if (!visible.includes(g.kind)) continue;
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
    const mine = whereFor(viewer, { quick: 'mine' }, now)!;
    counts.quick.mine = count(client, mine, groups);
    return counts;
  });
}
