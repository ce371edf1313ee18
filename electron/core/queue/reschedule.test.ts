import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { requests } from '../db/schema';
import { tempDatabase } from '../test-support/fixtures';
import { checkSlot, moveSlot } from './reschedule';

// Tuesday 1 December 2026, 10:00 Berlin.
const clock = () => new Date('2026-12-01T09:00:00Z');

describe('rescheduled callback (SYNC_API 1.1)', () => {
  it('accepts a slot within the intake rules and refuses others in German', () => {
    expect(() => checkSlot(clock, { preferredDate: '2026-12-03', preferredWindow: { from: '09:00', to: '11:00' } })).not.toThrow();
    expect(() => checkSlot(clock, { preferredDate: '2026-11-30', preferredWindow: { from: '09:00', to: '11:00' } })).toThrow(/Vergangenheit/);
    expect(() => checkSlot(clock, { preferredDate: '2027-01-04', preferredWindow: { from: '09:00', to: '11:00' } })).toThrow(/30 Tage/);
    expect(() => checkSlot(clock, { preferredDate: '2026-12-03', preferredWindow: { from: '09:00', to: '13:30' } })).toThrow(/4 Stunden/);
    expect(() => checkSlot(clock, { preferredDate: '2026-12-06', preferredWindow: { from: '09:00', to: '11:00' } })).toThrow(/montags bis freitags/);
  });

  it('moves the request to its new slot, with the due window in Berlin time', () => {
    const { db } = tempDatabase();
    db.insert(requests)
      .values({ id: 'r1', kind: 'callback', receivedAt: '2026-11-30T08:00:00Z', topic: 'billing', preferredDate: '2026-12-01', windowFrom: '08:00', windowTo: '10:00', status: 'claimed', updatedAt: '2026-11-30T08:00:00Z' })
      .run();
    moveSlot(db, clock, 'r1', { preferredDate: '2026-12-03', preferredWindow: { from: '14:00', to: '15:30' } });
    const row = db.select().from(requests).where(eq(requests.id, 'r1')).get()!;
    expect(row).toMatchObject({ preferredDate: '2026-12-03', windowFrom: '14:00', windowTo: '15:30', dueFrom: '2026-12-03T13:00:00.000Z', dueUntil: '2026-12-03T14:30:00.000Z' });
  });
});
