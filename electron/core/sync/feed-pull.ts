// Pulls the feed page by page. Each page's events and its cursor are applied together and
// committed with the pages before them (feed-batch.ts), so a crash resumes exactly where the last
// commit left off.
import { and, eq } from 'drizzle-orm';
import { EventEnvelope, FEED_EVENT_TYPES, FEED_LIMIT_MAX, FeedEvent, FeedPage, type FeedEventType } from '../../../shared/sync-api';
import { quarantine } from '../db/schema';
import { readState, STATE_KEYS, writeState } from '../db/state';
import { stopGroupTracking } from '../queue/queue-groups';
import { RULES_VERSION_KEY } from '../retention/backend-rules';
import { apiErrorCode, type BackendClient } from './backend-client';
import { applyFeedEvent, type FeedContext } from './feed-apply';
import { FeedBatch } from './feed-batch';
import { SessionExpiredError, UnexpectedAnswerError } from './sync-errors';

export interface PullReport {
  pulled: number;
  applied: number;
  skipped: number;
  quarantined: number;
}

const KNOWN_TYPES = new Set<string>(FEED_EVENT_TYPES);
/**
 * Events per commit of a bulk pull: each commit writes every index page the batch touched, and
 * with 10,000 the commits were 11 % of an ingest of 110,000 events, with 25,000 4 % (issue 19).
 * A crash takes at most this many events back, and the next pull brings them again.
 */
const COMMIT_EVERY_EVENTS = 25_000;

export async function pullFeed(ctx: FeedContext, client: BackendClient, limit = FEED_LIMIT_MAX): Promise<PullReport> {
  const report: PullReport = { pulled: 0, applied: 0, skipped: 0, quarantined: 0 };
  const fetchPage = (cursor: string | null) => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (cursor) query.set('cursor', cursor);
    const call = client.call('GET', `/feed?${query}`);
    call.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
    return call;
  };
  let cursor = readState(ctx.db, STATE_KEYS.cursor);
  let restartedAfterExpiry = false;
  let pending = fetchPage(cursor);
  const batch = new FeedBatch(ctx.db.$client);
  // Nothing here precedes an acknowledgement to anyone: a page lost to a power cut is pulled
  // again. So the feed commits without waiting for the disk (WAL + NORMAL is still crash-safe);
  // the next FULL commit, at the latest before receipts or outbox events go out, syncs it all.
  ctx.db.$client.pragma('synchronous = NORMAL');
  // Checkpoint the WAL into the database every 20,000 pages (≈ 80 MB) instead of every 1,000
  // while pulling: the SMS indexes take random keys, and frequent checkpoints rewrote the same
  // index pages again and again (ingest of 620k events 21.5 % → 25.9 % of the raw baseline).
  ctx.db.$client.pragma(`wal_autocheckpoint = ${FEED_CHECKPOINT_PAGES}`);
  try {
    for (;;) {
      const answer = await pending;
      if (answer.status === 410 && cursor && !restartedAfterExpiry) {
        // The server forgot our cursor: start over. Idempotent apply means nothing is duplicated.
        restartedAfterExpiry = true;
        cursor = null;
        batch.commit();
        writeState(ctx.db, STATE_KEYS.cursor, null);
        // Perhaps another backend database: its rule versions start anew, and the replay brings them in order.
        writeState(ctx.db, RULES_VERSION_KEY, null);
        pending = fetchPage(null);
        continue;
      }
      if (answer.status === 401) throw new SessionExpiredError();
      const page = FeedPage.safeParse(answer.body);
      if (answer.status !== 200 || !page.success) throw new UnexpectedAnswerError('Feed', answer.status, apiErrorCode(answer.body));

      const { events, cursor: pageCursor } = page.data;
      const next = page.data.hasMore ? fetchPage(pageCursor) : null;
      if (next) {
        // fetch writes the request on a later turn of the event loop: let it out before this page
        // is applied, so the backend reads the next page meanwhile (the batch stays open across).
        await new Promise<void>((resolve) => setImmediate(resolve));
        // A bulk pull: the queue's counts are taken once afterwards instead of row by row.
        if (batch.size === 0) stopGroupTracking(ctx.db.$client);
      }
      // Each page is applied with its cursor, so whatever commits resumes exactly after it.
      batch.apply(events.length, () => {
        for (const raw of events) tally(report, ingest(ctx, raw));
        writeState(ctx.db, STATE_KEYS.cursor, pageCursor);
      });
      report.pulled += events.length;
      if (!next || batch.size >= COMMIT_EVERY_EVENTS) batch.commit();
      if (!next) {
        if (report.pulled >= SHRINK_WAL_AFTER_EVENTS) shrinkWal(ctx);
        return report;
      }
      cursor = pageCursor;
      pending = next;
    }
  } finally {
    // A failed pull keeps the pages it applied: each carries its cursor.
    batch.commit();
    ctx.db.$client.pragma(`wal_autocheckpoint = ${DEFAULT_CHECKPOINT_PAGES}`);
    ctx.db.$client.pragma('synchronous = FULL');
  }
}

/**
 * A pull of fewer events leaves a WAL that SQLite's own checkpoint (every 1,000 pages) keeps
 * small; the truncating checkpoint, a sync of the database file, cost a desk woken for one new
 * form more than applying it (issue 19).
 */
const SHRINK_WAL_AFTER_EVENTS = 2_000;

/**
 * After a large complete pull, leave no large WAL behind: its pages go into the database and the file
 * back to zero. Only then: on a full or read-only disk (the pull failed) a truncating checkpoint
 * took the process down. A checkpoint that cannot run now (a reader elsewhere) is left to the next.
 */
function shrinkWal(ctx: FeedContext): void {
  try {
    ctx.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // Nothing is lost: the WAL stays valid and is checkpointed later.
  }
}

/** SQLite's default, restored after a pull. */
const DEFAULT_CHECKPOINT_PAGES = 1_000;
const FEED_CHECKPOINT_PAGES = 20_000;

type IngestResult = 'applied' | 'skipped' | 'quarantined';

function tally(report: PullReport, result: IngestResult): void {
  report[result]++;
}

function ingest(ctx: FeedContext, raw: unknown): IngestResult {
  // The common case first: a valid event of a known type needs one parse, not two.
  const event = FeedEvent.safeParse(raw);
  if (event.success) return applyFeedEvent(ctx, event.data) === 'applied' ? 'applied' : 'skipped';
  const envelope = EventEnvelope.safeParse(raw);
  if (!envelope.success) return quarantineEvent(ctx, null, null, 'Umschlag ungültig');
  const { id, type } = envelope.data;
  if (!KNOWN_TYPES.has(type)) return 'skipped';
  return quarantineEvent(ctx, id, type as FeedEventType, 'Schema verletzt');
}

/** Keeps only the event's id and type: its content may hold personal data and is invalid anyway. */
function quarantineEvent(ctx: FeedContext, eventId: string | null, eventType: string | null, reason: string): IngestResult {
  if (eventId !== null) {
    const seen = ctx.db
      .select({ seq: quarantine.seq })
      .from(quarantine)
      .where(and(eq(quarantine.eventId, eventId), eq(quarantine.eventType, eventType ?? '')))
      .get();
    if (seen) return 'skipped';
  }
  ctx.db.insert(quarantine).values({ eventId, eventType, reason, at: ctx.clock().toISOString() }).run();
  return 'quarantined';
}
