// GET /api/v1/feed?cursor=&limit=&wait=: the events this user may see, from the cursor on;
// with `wait`, an empty answer is held until news arrives or the seconds are up.
import { FEED_LIMIT_MAX, type FeedPage } from '../../shared/sync-api';
import { maySeeSms } from '../../shared/domain';
import { addFeedNoise, realEventLimit } from '../faults/feed-noise';
import { audiencesOf } from '../feed/audience';
import { decodeCursor, encodeCursor } from '../feed/cursor';
import { feedHeadSeq, readFeed, type FeedRead } from '../feed/read';
import { failure, ok, type Reply } from '../http/reply';
import { type CallContext } from '../http/router';
import { markSeen } from '../lifecycle/workstation-registry';
import { noteLogReader } from '../lifecycle/log-readers';
import { authenticate } from './auth';
import { type ApiDeps } from './deps';

export const DEFAULT_FEED_LIMIT = 100;
export const FEED_WAIT_MAX_SECONDS = 30;

function boundedInteger(raw: string | null, fallback: number, min: number, max: number): number | null {
  if (raw === null) return fallback;
  if (!/^\d{1,4}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

export async function getFeed(deps: ApiDeps, ctx: CallContext): Promise<Reply> {
  const { db, faults } = deps;
  const auth = await authenticate(db, ctx.headers, ctx.now);
  if (!auth.ok) return auth.reply;
  const limit = boundedInteger(ctx.query.get('limit'), DEFAULT_FEED_LIMIT, 1, FEED_LIMIT_MAX);
  if (limit === null) return failure(400, 'invalid_request', `limit must be an integer from 1 to ${FEED_LIMIT_MAX}.`);
  const wait = boundedInteger(ctx.query.get('wait'), 0, 0, FEED_WAIT_MAX_SECONDS);
  if (wait === null) return failure(400, 'invalid_request', `wait must be an integer from 0 to ${FEED_WAIT_MAX_SECONDS}.`);

  // The head, read once: it checks the cursor, is noted for the log readers, and bounds the first read.
  const head = await feedHeadSeq(db);
  const cursor = ctx.query.get('cursor');
  let after = 0;
  if (cursor !== null) {
    const position = faults.takeCursorExpiry() ? null : decodeCursor(cursor, deps.epoch, head);
    if (position === null) return failure(410, 'cursor_expired', 'This cursor is not known (any more); start again without a cursor.');
    after = position;
  }

  await markSeen(db, auth.caller.workstation, ctx.now);
  const roles = auth.caller.user.roles;
  // Issue 17: noted before the read too (through the head), so a Löschung committing while this
  // read runs still awaits this workstation; erring towards one receipt too many, never one too few.
  if (maySeeSms(roles)) await noteLogReader(db, auth.caller.workstation, head);
  const audiences = audiencesOf(roles);
  const pageLimit = realEventLimit(faults, limit);
  let read: FeedRead = await readFeed(db, audiences, after, pageLimit, auth.caller.workstation, head);
  const deadline = Date.now() + wait * 1000;
  // Long poll: wait for a NOTIFY (or the deadline), then look again; an empty answer moves the cursor to the head.
  while (read.events.length === 0 && Date.now() < deadline && !ctx.signal.aborted) {
    await deps.feedSignal.next(deadline - Date.now(), ctx.signal);
    read = await readFeed(db, audiences, read.next, pageLimit, auth.caller.workstation);
  }
  const served = addFeedNoise(faults, read, limit, maySeeSms(roles), ctx.now);
  // Issue 17: and after it, for what a long poll brought meanwhile (a first read stays within the noted head).
  if (maySeeSms(roles) && read.next > head) await noteLogReader(db, auth.caller.workstation, read.next);
  const body: FeedPage = { events: served.events, cursor: encodeCursor(deps.epoch, served.next), hasMore: served.hasMore };
  return ok(body);
}
