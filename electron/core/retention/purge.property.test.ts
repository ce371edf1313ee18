// Property (fast-check): whatever order queued, claimed (here or elsewhere), attempted, closed,
// erased and replayed feed events arrive in, no personal data of a closed or erased request is
// left in the database files (raw bytes, WAL included), and no open request is ever lost.
// The claim answer is simulated with the guard outbox-push applies (never for a closed or
// tombstoned request); everything else runs the real feed, purge and sweep code.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../../shared/sync-api';
import { personalData, requests } from '../db/schema';
import { applyFeedEvent, type FeedContext } from '../sync/feed-apply';
import { fixedClock, queuedCallback, tempDatabase } from '../test-support/fixtures';
import { isTombstoned } from './purge';
import { filesBelow, scanFiles } from './raw-scan';
import { sweepRetention } from './sweep';
import { phoneFor } from './test-world';

const ME = { userId: 'u-me', displayName: 'Ich', workstation: '00000000-0000-4000-8000-00000000000a' };
const OTHER = { userId: 'u-other', displayName: 'Andere', workstation: '00000000-0000-4000-8000-00000000000b' };

type Step =
  | { type: 'queued' | 'claimedHere' | 'claimedElsewhere' | 'attempted' | 'released' | 'closed' | 'erased'; slot: number }
  | { type: 'replay' }
  | { type: 'sweep' };

const slot = fc.nat(2);
// Weighted so that queue → claim here → close/erase on one request happens often enough.
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ type: fc.constant('queued' as const), slot }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('claimedHere' as const), slot }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constantFrom('closed' as const, 'erased' as const), slot }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constantFrom('claimedElsewhere' as const, 'attempted' as const, 'released' as const), slot }) },
  { weight: 1, arbitrary: fc.constant({ type: 'replay' as const }) },
  { weight: 1, arbitrary: fc.constant({ type: 'sweep' as const }) },
);

function run(steps: Step[]): void {
  const { db, dir } = tempDatabase();
  const clock = fixedClock('2026-11-25T09:00:00Z');
  const ctx: FeedContext = { db, clock, roles: ['agent'], ...ME };
  const ids = Array.from({ length: 3 }, () => randomUUID());
  const log: FeedEvent[] = [];
  const names = new Map<string, string[]>(); // every name ever stored per request
  const finished = new Set<string>(); // closed or erased per the feed
  /** Applies an event; a close or erasure of a request present here finishes it (also on replay). */
  const applyTracked = (event: FeedEvent) => {
    if ((event.type === 'request.closed' || event.type === 'request.erased') && db.select().from(requests).where(eq(requests.id, event.requestId)).get()) {
      finished.add(event.requestId);
    }
    applyFeedEvent(ctx, event);
  };
  const apply = (event: FeedEvent) => {
    log.push(event);
    applyTracked(event);
  };
  const base = (id: string) => ({ id: randomUUID(), at: clock().toISOString(), requestId: id });

  for (const s of steps) {
    clock.advance(60_000);
    if (s.type === 'replay') {
      for (const event of [...log]) applyTracked(event);
      continue;
    }
    if (s.type === 'sweep') {
      sweepRetention(db, clock);
      continue;
    }
    const id = ids[s.slot]!;
    switch (s.type) {
      case 'queued':
        apply(queuedCallback({ id, preferredDate: '2026-11-30' }));
        break;
      case 'claimedHere': {
        apply({ ...base(id), type: 'request.claimed', by: { userId: ME.userId, displayName: ME.displayName }, workstation: ME.workstation, leaseUntil: '2026-11-25T10:00:00.000Z' });
        const row = db.select().from(requests).where(eq(requests.id, id)).get();
        if (row && row.status !== 'closed' && !isTombstoned(db, id)) {
          const name = `Eigenschaft ${randomUUID().slice(0, 8)} Prüfling`;
          names.set(id, [...(names.get(id) ?? []), name]);
          db.insert(personalData).values({ requestId: id, name, phone: phoneFor(name), claimedAt: clock().toISOString() }).onConflictDoUpdate({ target: personalData.requestId, set: { name, phone: phoneFor(name) } }).run();
        }
        break;
      }
      case 'claimedElsewhere':
        apply({ ...base(id), type: 'request.claimed', by: { userId: OTHER.userId, displayName: OTHER.displayName }, workstation: OTHER.workstation, leaseUntil: '2026-11-25T10:00:00.000Z' });
        break;
      case 'attempted':
        apply({ ...base(id), type: 'request.attempted', attemptNo: 1, disposition: 'no_answer', by: { userId: OTHER.userId, displayName: OTHER.displayName } });
        break;
      case 'released':
        apply({ ...base(id), type: 'request.released' });
        break;
      case 'closed':
        apply({ ...base(id), type: 'request.closed', outcome: 'resolved', retainedUntil: null });
        break;
      case 'erased':
        apply({ ...base(id), type: 'request.erased', reason: 'Löschersuchen' });
        break;
    }
  }
  sweepRetention(db, clock);

  // Closed or erased: no name or phone of theirs anywhere in the files.
  const gone = [...finished].flatMap((id) => (names.get(id) ?? []).flatMap((n) => [n, phoneFor(n)]));
  expect(scanFiles(filesBelow(dir), gone)).toEqual([]);
  for (const id of finished) {
    expect(db.select().from(personalData).where(eq(personalData.requestId, id)).get()).toBeUndefined();
    expect(isTombstoned(db, id)).toBe(true);
  }
  // Never lost: a request queued and never finished is still there, and so is data claimed here.
  for (const id of ids) {
    const queued = log.some((e) => e.type === 'request.queued' && e.request.id === id);
    if (!queued || finished.has(id)) continue;
    expect(db.select().from(requests).where(eq(requests.id, id)).get()?.status).not.toBe('closed');
  }
  db.$client.close();
}

describe('purge property', () => {
  it('no personal data of a closed or erased request survives; no open request is lost', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => run(steps)),
      { numRuns: 60 },
    );
  });
});
