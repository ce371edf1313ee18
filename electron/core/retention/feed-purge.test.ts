// Purges the feed triggers at once (erasure, a claim elsewhere, a release), and events for purged
// ids that never bring data back: queued, claimed and sms.logged replays.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { personalData, receipts, requests, smsLog } from '../db/schema';
import { applyFeedEvent, type FeedContext } from '../sync/feed-apply';
import { fixedClock, queuedCallback, tempDatabase } from '../test-support/fixtures';
import { filesBelow, scanFiles } from './raw-scan';
import { sweepRetention } from './sweep';
import { WORKSTATION } from './test-world';

function setup() {
  const { db, dir } = tempDatabase();
  const clock = fixedClock('2026-11-25T09:00:00Z');
  const ctx: FeedContext = { db, clock, userId: 'u-me', displayName: 'Ich', workstation: WORKSTATION, roles: ['agent', 'dpo'] };
  const queued = queuedCallback();
  const id = queued.request.id;
  applyFeedEvent(ctx, queued);
  db.update(requests).set({ status: 'claimed', ownerUserId: 'u-me', ownerWorkstation: WORKSTATION }).where(eq(requests.id, id)).run();
  const name = `Sofortlöschung ${randomUUID().slice(0, 8)}`;
  db.insert(personalData).values({ requestId: id, name, phone: '+49 234 5550199', claimedAt: clock().toISOString() }).run();
  return { db, dir, clock, ctx, queued, id, name };
}

const ev = (type: string, requestId: string, extra: object = {}) => ({ id: randomUUID(), type, at: '2026-11-25T09:05:00.000Z', requestId, ...extra }) as never;

describe('purges from the feed', () => {
  for (const [label, event] of [
    ['request.erased', (id: string) => ev('request.erased', id, { reason: 'Löschersuchen' })],
    ['a claim by another workstation', (id: string) => ev('request.claimed', id, { by: { userId: 'u-x', displayName: 'X' }, workstation: '00000000-0000-4000-8000-0000000000ff', leaseUntil: '2026-11-25T10:00:00.000Z' })],
    ['request.released', (id: string) => ev('request.released', id)],
  ] as const) {
    it(`${label} purges at once; with the next sweep nothing is left in the files`, () => {
      const { db, dir, clock, ctx, id, name } = setup();
      applyFeedEvent(ctx, event(id));
      expect(db.select().from(personalData).all()).toEqual([]);
      expect(db.select().from(receipts).where(eq(receipts.requestId, id)).get()).toBeDefined();
      sweepRetention(db, clock);
      expect(scanFiles(filesBelow(dir), [name, '+49 234 5550199'])).toEqual([]);
    });
  }

  it('replayed queued and claimed events of an erased request do not bring it back', () => {
    const { db, ctx, queued, id } = setup();
    applyFeedEvent(ctx, ev('request.erased', id, { reason: 'Löschersuchen' }));
    expect(applyFeedEvent(ctx, queued)).toBe('ignored');
    expect(applyFeedEvent(ctx, ev('request.claimed', id, { by: { userId: 'u-me', displayName: 'Ich' }, workstation: WORKSTATION, leaseUntil: '2026-11-25T10:00:00.000Z' }))).toBe('ignored');
    expect(db.select().from(requests).where(eq(requests.id, id)).get()).toBeUndefined();
  });

  it('an sms.logged replay older than the purged cut does not come back', () => {
    const { db, clock, ctx } = setup();
    const sms = { id: randomUUID(), customerNumber: '4711', sentAt: '2026-07-01T10:00:00.000Z', ip: '192.0.2.1' };
    applyFeedEvent(ctx, { id: randomUUID(), type: 'sms.logged', at: sms.sentAt, sms });
    sweepRetention(db, clock);
    expect(db.select().from(smsLog).all()).toEqual([]);
    expect(applyFeedEvent(ctx, { id: randomUUID(), type: 'sms.logged', at: sms.sentAt, sms })).toBe('ignored');
    expect(db.select().from(smsLog).all()).toEqual([]);
  });
});
