import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { requests } from '../db/schema';
import { applyFeedEvent, type FeedContext } from '../sync/feed-apply';
import { fixedClock, queuedCallback, tempDatabase } from '../test-support/fixtures';
import { queueChanges } from './queue-changes';

const viewer = { userId: 'u-anna', roles: ['agent'] as const };

describe('incremental queue reads', () => {
  it('sends only what changed, due flips included, and a total that reveals removals', () => {
    const { db } = tempDatabase();
    const clock = fixedClock('2026-11-25T07:00:00Z'); // 08:00 Berlin; windows 10:00–12:00
    const ctx: FeedContext = { db, clock, userId: 'u-anna', displayName: 'Anna', workstation: 'ws-1', roles: ['agent'] };
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    ids.forEach((id, i) => applyFeedEvent(ctx, queuedCallback({ id, from: `1${i}:00`, to: `1${i + 2}:00` })));

    clock.advance(60_000); // a write in the very millisecond of a read is sent twice (harmless), so step on
    const full = queueChanges(db, viewer, { since: null }, clock());
    expect(full).toMatchObject({ total: 3, full: true });
    expect(full.rows.map((r) => r.due)).toEqual(['upcoming', 'upcoming', 'upcoming']);

    clock.advance(60_000);
    const quiet = queueChanges(db, viewer, { since: full.asOf }, clock());
    expect(quiet).toMatchObject({ rows: [], total: 3, full: false });

    clock.advance(60_000);
    applyFeedEvent(ctx, {
      id: randomUUID(),
      type: 'request.claimed',
      at: clock().toISOString(),
      requestId: ids[1]!,
      by: { userId: 'u-ben', displayName: 'Ben' },
      workstation: 'ws-2',
      leaseUntil: '2026-11-25T07:20:00Z',
    });
    clock.advance(60_000);
    const claimed = queueChanges(db, viewer, { since: quiet.asOf }, clock());
    expect(claimed.rows.map((r) => [r.id, r.status, r.owner?.displayName])).toEqual([[ids[1], 'claimed_elsewhere', 'Ben']]);

    // 10:30 Berlin: the first window opened since the last read, nothing else was written.
    clock.set('2026-11-25T09:30:00Z');
    const opened = queueChanges(db, viewer, { since: claimed.asOf }, clock());
    expect(opened.rows.map((r) => [r.id, r.due])).toEqual([[ids[0], 'due']]);

    const asked = queueChanges(db, viewer, { since: opened.asOf, ids: [ids[2]!] }, clock());
    expect(asked.rows.map((r) => r.id)).toEqual([ids[2]]);

    db.delete(requests).where(eq(requests.id, ids[2]!)).run();
    expect(queueChanges(db, viewer, { since: asked.asOf }, clock())).toMatchObject({ rows: [], total: 2 });
  });

  it('shows supervisors every kind and officers nothing of the agents', () => {
    const { db } = tempDatabase();
    const clock = fixedClock('2026-11-25T07:00:00Z');
    applyFeedEvent({ db, clock, userId: 's', displayName: 'S', workstation: 'w', roles: ['supervisor'] }, queuedCallback());
    expect(queueChanges(db, { userId: 's', roles: ['supervisor'] }, { since: null }, clock()).total).toBe(1);
    expect(queueChanges(db, { userId: 'd', roles: ['dpo'] }, { since: null }, clock())).toMatchObject({ rows: [], total: 0 });
  });
});
