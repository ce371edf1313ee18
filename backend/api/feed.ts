// GET /api/v1/feed?cursor=&limit=: the events this user may see, from the cursor on.
import { maySeeSms } from '../../shared/domain';
import { FEED_LIMIT_MAX, type FeedPage } from '../../shared/sync-api';
import { addFeedNoise, realEventLimit } from '../faults/feed-noise';
import { decodeCursor, encodeCursor } from '../feed/cursor';
import { planPage } from '../feed/page';
import { feedEventAt } from '../feed/serialize';
import { audienceMask } from '../feed/visibility';
import { failure, ok, type Reply } from '../http/reply';
import { type CallContext } from '../http/router';
import { authenticate } from './auth';
import { type ApiDeps } from './deps';

export const DEFAULT_FEED_LIMIT = 100;

function parseLimit(raw: string | null): number | null {
  if (raw === null) return DEFAULT_FEED_LIMIT;
  if (!/^\d{1,4}$/.test(raw)) return null;
  const limit = Number(raw);
  return limit >= 1 && limit <= FEED_LIMIT_MAX ? limit : null;
}

export function readFeed(deps: ApiDeps, ctx: CallContext): Reply {
  const { state, faults } = deps;
  const auth = authenticate(state, ctx.headers, ctx.nowMs);
  if (!auth.ok) return auth.reply;
  const limit = parseLimit(ctx.query.get('limit'));
  if (limit === null) return failure(400, 'invalid_request', `limit must be an integer from 1 to ${FEED_LIMIT_MAX}.`);

  const cursor = ctx.query.get('cursor');
  let start = 0;
  if (cursor !== null) {
    const position = faults.takeCursorExpiry() ? null : decodeCursor(cursor, state.epoch, state.log.length);
    if (position === null) return failure(410, 'cursor_expired', 'This cursor is not known (any more); start again without a cursor.');
    start = position;
  }

  const roles = auth.caller.user.roles;
  const plan = planPage(state.log.audienceColumn(), state.log.length, audienceMask(roles), start, realEventLimit(faults, limit));
  const events = plan.positions.map((pos) => feedEventAt(state, pos));
  const served = addFeedNoise(faults, { events, ...plan }, limit, maySeeSms(roles), ctx.nowMs);
  const body: FeedPage = { events: served.events, cursor: encodeCursor(state.epoch, served.next), hasMore: served.hasMore };
  return ok(body);
}
