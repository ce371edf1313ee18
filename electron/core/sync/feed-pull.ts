// Pulls the feed page by page. Each page's events and the new cursor commit in one
// transaction, so a crash resumes exactly where the last commit left off.
import { and, eq } from 'drizzle-orm';
import { EventEnvelope, FEED_EVENT_TYPES, FEED_LIMIT_MAX, FeedEvent, FeedPage, type FeedEventType } from '../../../shared/sync-api';
import { quarantine } from '../db/schema';
import { readState, STATE_KEYS, writeState } from '../db/state';
import { apiErrorCode, type BackendClient } from './backend-client';
import { applyFeedEvent, type FeedContext } from './feed-apply';
import { SessionExpiredError, UnexpectedAnswerError } from './sync-errors';

export interface PullReport {
  pulled: number;
  applied: number;
  skipped: number;
  quarantined: number;
}

const KNOWN_TYPES = new Set<string>(FEED_EVENT_TYPES);

export async function pullFeed(ctx: FeedContext, client: BackendClient, limit = FEED_LIMIT_MAX): Promise<PullReport> {
  const report: PullReport = { pulled: 0, applied: 0, skipped: 0, quarantined: 0 };
  let restartedAfterExpiry = false;
  for (;;) {
    const cursor = readState(ctx.db, STATE_KEYS.cursor);
    const query = new URLSearchParams({ limit: String(limit) });
    if (cursor) query.set('cursor', cursor);
    const answer = await client.call('GET', `/feed?${query}`);
    if (answer.status === 410 && cursor && !restartedAfterExpiry) {
      // The server forgot our cursor: start over. Idempotent apply means nothing is duplicated.
      restartedAfterExpiry = true;
      writeState(ctx.db, STATE_KEYS.cursor, null);
      continue;
    }
    if (answer.status === 401) throw new SessionExpiredError();
    const page = FeedPage.safeParse(answer.body);
    if (answer.status !== 200 || !page.success) throw new UnexpectedAnswerError('Feed', answer.status, apiErrorCode(answer.body));

    ctx.db.transaction(() => {
      for (const raw of page.data.events) tally(report, ingest(ctx, raw));
      writeState(ctx.db, STATE_KEYS.cursor, page.data.cursor);
    });
    report.pulled += page.data.events.length;
    if (!page.data.hasMore) return report;
  }
}

type IngestResult = 'applied' | 'skipped' | 'quarantined';

function tally(report: PullReport, result: IngestResult): void {
  report[result]++;
}

function ingest(ctx: FeedContext, raw: unknown): IngestResult {
  const envelope = EventEnvelope.safeParse(raw);
  if (!envelope.success) return quarantineEvent(ctx, null, null, 'Umschlag ungültig');
  const { id, type } = envelope.data;
  if (!KNOWN_TYPES.has(type)) return 'skipped';
  const event = FeedEvent.safeParse(raw);
  if (!event.success) return quarantineEvent(ctx, id, type as FeedEventType, 'Schema verletzt');
  return applyFeedEvent(ctx, event.data) === 'applied' ? 'applied' : 'skipped';
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
