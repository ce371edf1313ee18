// Sync ingest: the feed pulled over loopback HTTP from the reference backend, every event
// validated and applied, against the raw prepared INSERTs of the same rows in one transaction.
import { FeedEvent, FeedPage } from '../shared/sync-api';
import { openDatabase } from '../electron/core/db/open';
import { berlinInstant } from '../electron/core/time/berlin';
import { ipKey } from '../electron/core/sms/ip-key';
import { pullFeed } from '../electron/core/sync/feed-pull';
import { median, timeMs } from './lib/measure';
import { spawnBackend } from './lib/backend-process';
import type { FreshDatabase } from './backend/engine';
import { benchDir, supervisorDesk } from './lib/world';
import path from 'node:path';

export interface IngestResult {
  /** Rows stored (requests and SMS records): what the rates count, like the baseline's rows. */
  events: number;
  /** Feed events pulled and applied for them (a request's claims, attempts and closing are events too). */
  pulled: number;
  oursPerSec: number;
  baselinePerSec: number;
  ratio: number;
}

/**
 * The whole feed pulled by a fresh supervisor desk, `runs` times in turn with the raw insert of
 * the same rows into a fresh file: each figure is the median of its runs. On this shared machine
 * the raw insert alone moved between 66,000 and 118,000 rows/s from one run to the next.
 */
export async function benchIngest(requests: number, sms: number, options: { database?: FreshDatabase; runs?: number } = {}): Promise<IngestResult> {
  const backend = await spawnBackend(requests, sms, options.database);
  try {
    const ours: number[] = [];
    const baseline: number[] = [];
    let events = 0;
    let pulled = 0;
    for (let run = 0; run < (options.runs ?? 3); run++) {
      const { desk, ctx, client } = await supervisorDesk(backend);
      const oursMs = await timeMs(async () => {
        pulled = (await pullFeed(ctx, client)).pulled;
      });
      events = (desk.db.$client.prepare('SELECT (SELECT count(*) FROM requests) + (SELECT count(*) FROM sms_log) AS n').get() as { n: number }).n;
      await desk.close();
      ours.push((events / oursMs) * 1000);

      const rows = await fetchRows(backend.url, client);
      // The file is opened (and migrated) before the clock starts, as the desk's is before its pull.
      const baselineDb = openDatabase(path.join(benchDir(), 'baseline.sqlite'));
      const baselineMs = await timeMs(() => rawInsert(baselineDb, rows));
      baseline.push(((rows.requests.length + rows.sms.length) / baselineMs) * 1000);
    }
    const oursPerSec = median(ours);
    const baselinePerSec = median(baseline);
    return { events, pulled, oursPerSec, baselinePerSec, ratio: oursPerSec / baselinePerSec };
  } finally {
    await backend.stop();
  }
}

type RequestValues = [string, string, string, string, string | null, string | null, string | null, string | null, string | null, string, number, string];
type SmsValues = [string, string, string, string, Buffer];

/** The same rows our client stores, fetched and shaped outside the timed part. */
async function fetchRows(_url: string, client: Awaited<ReturnType<typeof supervisorDesk>>['client']) {
  const requests: RequestValues[] = [];
  const sms: SmsValues[] = [];
  let cursor: string | null = null;
  for (;;) {
    const answer = await client.call('GET', `/feed?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    const page = FeedPage.parse(answer.body);
    for (const raw of page.events) {
      const parsed = FeedEvent.safeParse(raw);
      if (!parsed.success) continue;
      const e = parsed.data;
      if (e.type === 'request.queued') {
        const r = e.request;
        const cb = r.kind === 'callback' ? r.summary : null;
        requests.push([
          r.id,
          r.kind,
          r.receivedAt,
          cb ? cb.topic : (r.summary as { category: string }).category,
          cb?.preferredDate ?? null,
          cb?.preferredWindow.from ?? null,
          cb?.preferredWindow.to ?? null,
          cb ? berlinInstant(cb.preferredDate, cb.preferredWindow.from) : null,
          cb ? berlinInstant(cb.preferredDate, cb.preferredWindow.to) : null,
          'open',
          0,
          e.at,
        ]);
      } else if (e.type === 'sms.logged') {
        sms.push([e.sms.id, e.sms.customerNumber, e.sms.sentAt, e.sms.ip, ipKey(e.sms.ip)]);
      }
    }
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  return { requests, sms };
}

/** One transaction, then the close, whose checkpoint moves the rows into the file (as the pull's last step does). */
function rawInsert(db: ReturnType<typeof openDatabase>, rows: { requests: RequestValues[]; sms: SmsValues[] }): void {
  const client = db.$client;
  const insertRequest = client.prepare(
    `INSERT INTO requests (id, kind, received_at, topic, preferred_date, window_from, window_to, due_from, due_until, status, attempts, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSms = client.prepare('INSERT INTO sms_log (id, customer_number, sent_at, ip, ip_key) VALUES (?, ?, ?, ?, ?)');
  client.transaction(() => {
    for (const r of rows.requests) insertRequest.run(...r);
    for (const s of rows.sms) insertSms.run(...s);
  })();
  client.close();
}
