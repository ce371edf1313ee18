// Reads queue rows by rowid for the window the renderer shows. Raw prepared statements: this runs
// on every scroll and keystroke, and drizzle's per-column decoding of nested selections cost more
// than the query itself. The column list comes from the drizzle schema, so it cannot drift.
import type Database from 'better-sqlite3';
import { getTableColumns } from 'drizzle-orm';
import type { QueueRow } from '../../../shared/views';
import type { DeskDb } from '../db/open';
import { requests } from '../db/schema';
import { toQueueRow, type RowRecord, type Viewer } from './queue-view';

/** `r.<column> AS "<field>"` for every column of requests: rows come out as drizzle's select type. */
const REQUEST_FIELDS = Object.entries(getTableColumns(requests))
  .map(([field, column]) => `r.${column.name} AS "${field}"`)
  .join(', ');

/** A queue row's columns for raw SQL over `requests r`, as queue-view's rowColumns. */
const QUEUE_ROW_SELECT = `${REQUEST_FIELDS},
  EXISTS (SELECT 1 FROM personal_data p WHERE p.request_id = r.id) AS hasPersonalData,
  (SELECT count(*) FROM outbox o WHERE o.request_id = r.id AND o.status = 'pending') AS pendingEvents,
  EXISTS (SELECT 1 FROM restricted_records x WHERE x.source = 'request' AND x.record_id = r.id AND x.active = 1) AS restricted`;

type RawRow = RowRecord['request'] & { hasPersonalData: number; pendingEvents: number; restricted: number; rid: number };

const byRowidStatements = new WeakMap<Database.Database, Database.Statement<[string], RawRow>>();

function byRowid(client: Database.Database) {
  let statement = byRowidStatements.get(client);
  if (!statement) {
    statement = client.prepare(`SELECT r.rowid AS rid, ${QUEUE_ROW_SELECT} FROM requests r WHERE r.rowid IN (SELECT value FROM json_each(?))`);
    byRowidStatements.set(client, statement);
  }
  return statement;
}

/** The rows with these rowids, in the order given (rowids gone meanwhile are skipped). */
export function queueRowsByRowid(db: DeskDb, rowids: readonly number[], viewer: Viewer, now: Date): QueueRow[] {
  if (rowids.length === 0) return [];
  const found = new Map<number, QueueRow>();
  // The raw row's columns carry drizzle's field names, so it is the request record as it is.
  for (const raw of byRowid(db.$client).all(JSON.stringify(rowids))) {
    found.set(raw.rid, toQueueRow({ request: raw, hasPersonalData: raw.hasPersonalData, pendingEvents: raw.pendingEvents, restricted: raw.restricted }, viewer, now));
  }
  return rowids.flatMap((rowid) => found.get(rowid) ?? []);
}
