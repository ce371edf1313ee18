// The first page of the open callback queue (100 rows, filtered, sorted by due) at scale, as the
// workbench asks for it (queue.window: rows and their total), against the same statements as raw
// SQL. The total of a kind/status filter is a sum of group counts; `afterWrite*` is the first page
// right after a write that moves a row between groups (a claim, a close, an erasure), as every
// colleague's action arriving through the feed does; the baseline pays for the same writes.
import type { DeskDb } from '../electron/core/db/open';
import { queueWindow } from '../electron/core/queue/queue-window';
import { percentile, sampleInTurnMs } from './lib/measure';
import { freshDb, seedRequests } from './lib/seed';

export interface QueuePageResult {
  p50: number;
  p95: number;
  afterWriteP50: number;
  afterWriteP95: number;
  baselineP50: number;
  baselineP95: number;
  baselineAfterWriteP50: number;
  baselineAfterWriteP95: number;
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

export async function benchQueuePage(entries: number, samples = 200): Promise<QueuePageResult> {
  const { db } = freshDb();
  seedRequests(db, entries);
  const viewer = { userId: 'bench-agent', roles: ['agent'] as const };
  const firstPage = () =>
    queueWindow(db, viewer, { filter: { kind: 'callback', status: 'open' }, sort: { column: 'due', desc: false }, offset: 0, limit: 100 }, new Date());
  const ids = db.$client.prepare(RAW_PAGE_IDS);
  const rows = db.$client.prepare(RAW_ROWS);
  const rawPage = () => rows.all(JSON.stringify((ids.all() as { rid: number }[]).map((r) => r.rid)));
  const plain = await sampleInTurnMs(firstPage, rawPage, samples);
  // Writes outside the timed part, each moving one open row out of its group.
  const afterWrite = await sampleInTurnMs(firstPage, rawPage, samples, { warmup: 0, before: writes(db, entries) });
  db.$client.close();
  return {
    p50: percentile(plain.ours, 50),
    p95: percentile(plain.ours, 95),
    afterWriteP50: percentile(afterWrite.ours, 50),
    afterWriteP95: percentile(afterWrite.ours, 95),
    baselineP50: percentile(plain.baseline, 50),
    baselineP95: percentile(plain.baseline, 95),
    baselineAfterWriteP50: percentile(afterWrite.baseline, 50),
    baselineAfterWriteP95: percentile(afterWrite.baseline, 95),
  };
}

/** A claim, a close and an erasure (the entry deleted, as the purge does) in turn, each of a different open row. */
function writes(db: DeskDb, entries: number): () => void {
  const client = db.$client;
  const claim = client.prepare(`UPDATE requests SET status = 'claimed_elsewhere', owner_user_id = 'colleague', owner_name = 'Kollegin' WHERE rowid = ?`);
  const close = client.prepare(`UPDATE requests SET status = 'closed' WHERE rowid = ?`);
  const erase = client.prepare('DELETE FROM requests WHERE rowid = ?');
  const steps = [claim, close, erase];
  let i = 0;
  // Rowids spread over the table (seeded rows 1, 2, 3 of every 5 are open).
  return () => {
    const rowid = 1 + ((i * 7919 * 5) % entries);
    steps[i % steps.length]!.run(rowid);
    i++;
  };
}
