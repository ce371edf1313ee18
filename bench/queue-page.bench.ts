// The first page of the open callback queue (100 rows, filtered, sorted by due) at scale, as the
// workbench asks for it (queue.window: rows and their total), against the same statements as raw
// SQL. The total of a kind/status filter is a sum of group counts read once per change of the
// data; `coldP95` is the first page right after a write, when those are read again.
import { queueWindow } from '../electron/core/queue/queue-window';
import { percentile, sampleMs, timeMs } from './lib/measure';
import { freshDb, seedRequests } from './lib/seed';

export interface QueuePageResult {
  p50: number;
  p95: number;
  coldP95: number;
  baselineP50: number;
  baselineP95: number;
}

// What queue.window asks SQLite for the page, written by hand: the rowids of the page in the
// index's order, then those rows with whether personal data is held and how many outbox events
// wait for them.
const RAW_PAGE_IDS = `SELECT r.rowid AS rid FROM requests r INDEXED BY requests_due_order
  WHERE r.kind IN ('callback') AND r.status = 'open'
  ORDER BY (r.due_from IS NULL), r.due_from, r.received_at, r.rowid LIMIT 100`;
const RAW_ROWS = `SELECT r.rowid AS rid, r.*,
    EXISTS (SELECT 1 FROM personal_data p WHERE p.request_id = r.id) AS has_personal_data,
    (SELECT count(*) FROM outbox o WHERE o.request_id = r.id AND o.status = 'pending') AS pending_events
  FROM requests r WHERE r.rowid IN (SELECT value FROM json_each(?))`;

export async function benchQueuePage(entries: number, samples = 60): Promise<QueuePageResult> {
  const { db } = freshDb();
  seedRequests(db, entries);
  const viewer = { userId: 'bench-agent', roles: ['agent'] as const };
  const firstPage = () =>
    queueWindow(db, viewer, { filter: { kind: 'callback', status: 'open' }, sort: { column: 'due', desc: false }, offset: 0, limit: 100 }, new Date());
  const ours = await sampleMs(firstPage, samples);
  // A write between samples: the group counts are read again, as after every sync.
  const touch = db.$client.prepare('UPDATE requests SET attempts = attempts WHERE rowid = 1');
  const cold: number[] = [];
  for (let i = 0; i < 20; i++) {
    touch.run();
    cold.push(await timeMs(firstPage));
  }
  const ids = db.$client.prepare(RAW_PAGE_IDS);
  const rows = db.$client.prepare(RAW_ROWS);
  const baseline = await sampleMs(() => rows.all(JSON.stringify((ids.all() as { rid: number }[]).map((r) => r.rid))), samples);
  db.$client.close();
  return {
    p50: percentile(ours, 50),
    p95: percentile(ours, 95),
    coldP95: percentile(cold, 95),
    baselineP50: percentile(baseline, 50),
    baselineP95: percentile(baseline, 95),
  };
}
