// The SMS log's 90 days at the origin: records past them deleted by the backend's periodic work
// (batches of 5,000 under an advisory lock, their feed events with them) against a raw DELETE of
// the same rows (the feed events go by the same ON DELETE CASCADE) on an identically seeded
// database of the same engine.
import { performance } from 'node:perf_hooks';
import { ADMIN_TOKEN, spawnBackendOn, type Engine, type FreshDatabase, type RawClient } from './engine';

const DAY_MS = 86_400_000;

export interface OriginPurgeResult {
  purged: number;
  oursPerSec: number;
  baselinePerSec: number;
  ratio: number;
}

/** `expired` records 91–180 days old and a tenth as many recent ones, each with its sms.logged event. */
async function seed(raw: RawClient, expired: number, now: number): Promise<void> {
  const insert = (n: number, newest: number, spanDays: number) =>
    raw.query(
      `INSERT INTO sms_log (id, customer_number, sent_at, ip)
       SELECT gen_random_uuid(), (100000 + g % 5000)::text, to_timestamp($1::double precision / 1000) - (g % ($3::int * 86400)) * interval '1 second',
              '10.' || (g / 65536 % 256) || '.' || (g / 256 % 256) || '.' || (g % 256)
       FROM generate_series(1, $2::int) g`,
      [newest, n, spanDays],
    );
  await insert(expired, now - 91 * DAY_MS, 89);
  await insert(Math.ceil(expired / 10), now, 80);
  await raw.query(
    `INSERT INTO feed_events (seq, id, type, at, audience, sms_id, data)
     SELECT (SELECT seq FROM feed_head WHERE id = 1) + row_number() OVER (ORDER BY sent_at), gen_random_uuid(), 'sms.logged', sent_at, 4, id, '{}'::jsonb FROM sms_log`,
  );
  await raw.query(`UPDATE feed_head SET seq = (SELECT max(seq) FROM feed_events) WHERE id = 1`);
  await raw.query('VACUUM ANALYZE');
}

async function seeded(engine: Engine, expired: number, now: number): Promise<FreshDatabase> {
  const database = await engine.fresh();
  const raw = await database.open();
  await seed(raw, expired, now);
  await raw.close();
  return database;
}

async function smsRecords(url: string): Promise<number> {
  const res = await fetch(`${url}/__admin/stats`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  return ((await res.json()) as { sms: { records: number } }).sms.records;
}

export async function benchOriginPurge(engine: Engine, expired: number): Promise<OriginPurgeResult> {
  const now = Date.now();
  const recent = Math.ceil(expired / 10);

  const baselineDb = await (await seeded(engine, expired, now)).open();
  const started = performance.now();
  const deleted = await baselineDb.query(`DELETE FROM sms_log WHERE sent_at < to_timestamp($1::double precision / 1000) RETURNING 1`, [now - 90 * DAY_MS]);
  const baselineMs = performance.now() - started;
  await baselineDb.close();
  if (deleted.rows.length !== expired) throw new Error(`the raw DELETE removed ${deleted.rows.length} of ${expired} rows`);

  const backend = await spawnBackendOn(await seeded(engine, expired, now));
  try {
    // The backend's own timer may take turns with this call: done is when only the recent records are left.
    const oursStarted = performance.now();
    const answer = await fetch(`${backend.url}/__admin/periodic`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: '{}' });
    if (answer.status !== 200) throw new Error(`periodic answered ${answer.status}`);
    while ((await smsRecords(backend.url)) > recent) await new Promise((resolve) => setTimeout(resolve, 50));
    const oursMs = performance.now() - oursStarted;
    const oursPerSec = (expired / oursMs) * 1000;
    const baselinePerSec = (expired / baselineMs) * 1000;
    return { purged: expired, oursPerSec, baselinePerSec, ratio: oursPerSec / baselinePerSec };
  } finally {
    await backend.stop();
  }
}
