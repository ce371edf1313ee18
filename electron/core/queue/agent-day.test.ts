// The agent's own day from the workstation's records: closed today by this user, reached, attempts.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Disposition, Outcome } from '../../../shared/domain';
import { requests } from '../db/schema';
import { applyFeedEvent } from '../sync/feed-apply';
import { fixedClock, tempDatabase } from '../test-support/fixtures';
import { agentDay } from './agent-day';
import { closeRequest, recordAttempt, type ActionContext } from './request-actions';
import { writeRetryRules } from './retry-rules';

function world() {
  const { db } = tempDatabase();
  // 1 December 2026, 08:00 in Berlin.
  const clock = fixedClock('2026-12-01T07:00:00Z');
  const worker = { userId: 'u-anna', displayName: 'Anna Agentin', roles: ['agent'] as const, workstation: randomUUID() };
  const ctx: ActionContext = { db, clock, worker };
  writeRetryRules(db, { maxAttempts: 5, minGapMinutes: 10 });
  /** A callback claimed by `userId`, with `dispositions` tried 15 minutes apart, then closed as `outcome`. */
  const callback = (dispositions: Disposition[], outcome: Outcome | null, userId = worker.userId) => {
    const id = randomUUID();
    applyFeedEvent(
      { db, clock, ...worker },
      {
        id: randomUUID(),
        type: 'request.queued',
        at: clock().toISOString(),
        request: { id, kind: 'callback', receivedAt: clock().toISOString(), summary: { topic: 'billing', preferredDate: '2026-12-01', preferredWindow: { from: '08:00', to: '18:00' } } },
      },
    );
    db.update(requests).set({ status: 'claimed', ownerUserId: userId, ownerName: 'x', ownerWorkstation: worker.workstation }).where(eq(requests.id, id)).run();
    const as: ActionContext = { ...ctx, worker: { ...worker, userId } };
    for (const d of dispositions) {
      recordAttempt(as, id, d);
      clock.advance(15 * 60_000);
    }
    if (outcome) closeRequest(as, { requestId: id, outcome });
    return id;
  };
  return { db, clock, callback };
}

describe('the agent’s own day', () => {
  it('counts callbacks closed today, the reach rate and attempts per callback', () => {
    const { db, clock, callback } = world();
    expect(agentDay(db, 'u-anna', clock())).toEqual({ date: '2026-12-01', closed: 0, reached: 0, reachRate: null, attemptsPerCallback: null, attemptsToday: 0 });

    callback(['no_answer', 'reached'], 'resolved'); // reached on the second try
    callback(['no_answer', 'busy', 'voicemail'], 'unreachable'); // never reached
    callback(['declined'], 'withdrawn'); // reached, said no
    callback([], 'duplicate'); // closed without a call
    callback(['no_answer'], null); // still open: attempts today, not closed
    callback(['reached'], 'resolved', 'u-other'); // someone else's

    const day = agentDay(db, 'u-anna', clock());
    expect(day).toMatchObject({ date: '2026-12-01', closed: 4, reached: 2, attemptsToday: 7 });
    expect(day.reachRate).toBeCloseTo(0.5);
    expect(day.attemptsPerCallback).toBeCloseTo(6 / 4);
  });

  it('starts again at midnight in Berlin, not in UTC', () => {
    const { db, clock, callback } = world();
    clock.set('2026-12-01T22:30:00Z'); // 23:30 in Berlin
    callback(['reached'], 'resolved');
    expect(agentDay(db, 'u-anna', clock())).toMatchObject({ date: '2026-12-01', closed: 1, reached: 1 });
    clock.set('2026-12-01T23:30:00Z'); // 00:30 on 2 December in Berlin, still 1 December in UTC
    expect(agentDay(db, 'u-anna', clock())).toMatchObject({ date: '2026-12-02', closed: 0, attemptsToday: 0, reachRate: null });
  });
});
