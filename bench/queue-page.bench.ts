// The first page of the open callback queue (100 rows, filtered, sorted by due) at scale,
// through the core's queue view, against the same query as raw SQL.
import { listQueue } from '../electron/core/queue/queue-view';
import { percentile, sampleMs } from './lib/measure';
import { freshDb, seedRequests } from './lib/seed';

export interface QueuePageResult {
  p50: number;
  p95: number;
  baselineP50: number;
  baselineP95: number;
}

// What listQueue asks SQLite, written by hand: the row plus whether personal data is held and
// how many outbox events wait for it.
const RAW_FIRST_PAGE = `SELECT r.*,
    EXISTS (SELECT 1 FROM personal_data p WHERE p.request_id = r.id) AS has_personal_data,
    (SELECT count(*) FROM outbox o WHERE o.request_id = r.id AND o.status = 'pending') AS pending_events
  FROM requests r WHERE r.kind IN ('callback') AND r.status IN ('open')
  ORDER BY r.due_from IS NULL, r.due_from, r.received_at LIMIT 100`;

export async function benchQueuePage(entries: number, samples = 60): Promise<QueuePageResult> {
  const { db } = freshDb();
  seedRequests(db, entries);
  db.$client.exec('ANALYZE');
  const viewer = { userId: 'bench-agent', roles: ['agent'] as const };
  const ours = await sampleMs(() => listQueue(db, viewer, { kinds: ['callback'], statuses: ['open'], limit: 100 }, new Date()), samples);
  const raw = db.$client.prepare(RAW_FIRST_PAGE);
  const baseline = await sampleMs(() => raw.all(), samples);
  db.$client.close();
  return { p50: percentile(ours, 50), p95: percentile(ours, 95), baselineP50: percentile(baseline, 50), baselineP95: percentile(baseline, 95) };
}
