// The SMS log's 90 days at the origin: records past them deleted by the backend's periodic work
// (batches of 5,000 under an advisory lock, their feed events with them) against a raw DELETE of
// the same rows (the feed events go by the same ON DELETE CASCADE) on an identically seeded
// database of the same engine. The backend does what is due before it reports itself listening
// (backend/index.ts), so its purge is timed as its start on the database with the expired records
// less its start on the same database whose records are not due yet.
import { performance } from 'node:perf_hooks';
import { ADMIN_TOKEN, spawnBackendOn, type Engine, type FreshDatabase, type RawClient } from './engine';

const DAY_MS = 86_400_000;

export interface OriginPurgeResult {
  purged: number;
  oursPerSec: number;
  baselinePerSec: number;
  ratio: number;
}

/**
 * `count` records with their sms.logged events, and a tenth as many recent ones. Due: 91–180 days
 * old; not due: 1–81 days old (the same rows otherwise, so both databases are the same size).
 */
async function seed(raw: RawClient, count: number, now: number, due: boolean): Promise<void> {
  const insert = (n: number, newest: number, spanDays: number) =>
    raw.query(
      `INSERT INTO sms_log (id, customer_number, sent_at, ip)
       SELECT gen_random_uuid(), (100000 + g % 5000)::text, to_timestamp($1::double precision / 1000) - (g % ($3::int * 86400)) * interval '1 second',
              '10.' || (g / 65536 % 256) || '.' || (g / 256 % 256) || '.' || (g % 256)
       FROM generate_series(1, $2::int) g`,
      [newest, n, spanDays],
    );
  await insert(count, due ? now - 91 * DAY_MS : now - DAY_MS, due ? 89 : 80);
  await insert(Math.ceil(count / 10), now, 80);
  await raw.query(
    `INSERT INTO feed_events (seq, id, type, at, audience, sms_id, data)
     SELECT (SELECT seq FROM feed_head WHERE id = 1) + row_number() OVER (ORDER BY sent_at), gen_random_uuid(), 'sms.logged', sent_at, 4, id, '{}'::jsonb FROM sms_log`,
  );
  await raw.query(`UPDATE feed_head SET seq = (SELECT max(seq) FROM feed_events) WHERE id = 1`);
  await raw.query('VACUUM ANALYZE');
}

async function seeded(engine: Engine, count: number, now: number, due: boolean): Promise<FreshDatabase> {
  const database = await engine.fresh();
  const raw = await database.open();
  await seed(raw, count, now, due);
  await raw.close();
  return database;
}

/** Milliseconds from spawning a backend on `database` until it reports itself listening, and the SMS records it then holds. */
async function timedStart(database: FreshDatabase): Promise<{ ms: number; records: number }> {
  const started = performance.now();
  const backend = await spawnBackendOn(database);
  const ms = performance.now() - started;
  try {
    return { ms, records: await smsRecords(backend.url) };
  } finally {
    await backend.stop();
  }
}

async function smsRecords(url: string): Promise<number> {
  const res = await fetch(`${url}/__admin/stats`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  return ((await res.json()) as { sms: { records: number } }).sms.records;
}

export async function benchOriginPurge(engine: Engine, expired: number): Promise<OriginPurgeResult> {
  const now = Date.now();
  const recent = Math.ceil(expired / 10);

  const baselineDb = await (await seeded(engine, expired, now, true)).open();
  const started = performance.now();
  const deleted = await baselineDb.query(`DELETE FROM sms_log WHERE sent_at < to_timestamp($1::double precision / 1000) RETURNING 1`, [now - 90 * DAY_MS]);
  const baselineMs = performance.now() - started;
  await baselineDb.close();
  if (deleted.rows.length !== expired) throw new Error(`the raw DELETE removed ${deleted.rows.length} of ${expired} rows`);

  const nothingDue = await timedStart(await seeded(engine, expired, now, false));
  if (nothingDue.records !== expired + recent) throw new Error(`the backend deleted ${expired + recent - nothingDue.records} records that were not due`);
  const due = await timedStart(await seeded(engine, expired, now, true));
  if (due.records !== recent) throw new Error(`the backend kept ${due.records - recent} records past 90 days`);
  const oursMs = due.ms - nothingDue.ms;
  if (oursMs <= 0) throw new Error(`the purge is lost in the starts' variance: ${due.ms.toFixed(0)} ms with records due, ${nothingDue.ms.toFixed(0)} ms without`);
  const oursPerSec = (expired / oursMs) * 1000;
  const baselinePerSec = (expired / baselineMs) * 1000;
  return { purged: expired, oursPerSec, baselinePerSec, ratio: oursPerSec / baselinePerSec };
}
