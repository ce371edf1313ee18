import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { smsLog } from '../db/schema';
import { fixedClock, tempDatabase, type FakeClock } from '../test-support/fixtures';
import { createExpiryScheduler, MAX_TIMER_MS, type SchedulerTimers } from './expiry-scheduler';
import { nextExpiry } from './next-expiry';
import { sweepRetention } from './sweep';
import { seedConfirmedHold, seedSms } from './test-world';

/** Timers on a fake clock: `advanceTo` moves the clock and fires what falls due, in order. */
function fakeTimers(clock: FakeClock) {
  let seq = 0;
  const pending = new Map<number, { at: number; run: () => void; every?: number }>();
  const timers: SchedulerTimers = {
    setTimeout: (run, ms) => (pending.set(++seq, { at: clock().getTime() + ms, run }), seq),
    clearTimeout: (h) => void pending.delete(h as number),
    setInterval: (run, ms) => (pending.set(++seq, { at: clock().getTime() + ms, run, every: ms }), seq),
    clearInterval: (h) => void pending.delete(h as number),
  };
  const delays: number[] = [];
  const recordingTimers: SchedulerTimers = {
    ...timers,
    setTimeout: (run, ms) => (delays.push(ms), timers.setTimeout(run, ms)),
  };
  return {
    timers: recordingTimers,
    delays,
    advanceTo(iso: string) {
      const target = Date.parse(iso);
      for (;;) {
        const next = [...pending.entries()].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
        if (!next) break;
        const [id, t] = next;
        clock.set(new Date(t.at).toISOString());
        if (t.every) t.at += t.every;
        else pending.delete(id);
        t.run();
      }
      clock.set(iso);
    },
  };
}

function setup(start: string, periodMs = 15 * 60_000) {
  const { db } = tempDatabase();
  const clock = fixedClock(start);
  const fake = fakeTimers(clock);
  let runs = 0;
  const scheduler = createExpiryScheduler({
    clock,
    timers: fake.timers,
    nextExpiry: () => nextExpiry(db, clock()),
    run: () => {
      runs++;
      sweepRetention(db, clock);
    },
    periodMs,
  });
  return { db, clock, fake, scheduler, runs: () => runs };
}

describe('expiry scheduler', () => {
  it('runs at start, then wakes exactly when the soonest record expires', () => {
    const { db, fake, scheduler, runs } = setup('2026-04-15T09:00:00.000Z');
    const id = seedSms(db, '2026-01-15T11:00:00.000Z'); // due 2026-04-15T10:00Z
    scheduler.start();
    expect(runs()).toBe(1);
    expect(scheduler.nextWakeAt()?.toISOString()).toBe('2026-04-15T10:00:00.000Z');
    fake.advanceTo('2026-04-15T09:59:59.000Z');
    expect(db.select().from(smsLog).where(eq(smsLog.id, id)).get()).toBeDefined();
    fake.advanceTo('2026-04-15T10:00:00.000Z');
    expect(db.select().from(smsLog).where(eq(smsLog.id, id)).get()).toBeUndefined();
    scheduler.stop();
  });

  it('sweeps every 15 minutes even with nothing due', () => {
    const { fake, scheduler, runs } = setup('2026-04-15T09:00:00.000Z');
    scheduler.start();
    expect(scheduler.nextWakeAt()).toBeNull();
    fake.advanceTo('2026-04-15T10:00:00.000Z');
    expect(runs()).toBe(5);
    scheduler.stop();
  });

  it('re-arms on a write: a new, sooner expiry moves the timer', () => {
    const { db, scheduler } = setup('2026-04-15T09:00:00.000Z');
    seedSms(db, '2026-01-20T11:00:00.000Z');
    scheduler.start();
    expect(scheduler.nextWakeAt()?.toISOString()).toBe('2026-04-20T10:00:00.000Z');
    seedSms(db, '2026-01-15T11:30:00.000Z');
    scheduler.reschedule();
    expect(scheduler.nextWakeAt()?.toISOString()).toBe('2026-04-15T10:30:00.000Z');
    scheduler.stop();
    expect(scheduler.nextWakeAt()).toBeNull();
  });

  it('caps a far expiry at 2^31-1 ms and wakes again from there', () => {
    const { db, fake, scheduler } = setup('2026-04-15T09:00:00.000Z', 10 * 86_400_000); // a slow period keeps the test fast
    seedConfirmedHold(db, '5550003', '2026-10-01'); // ends in ~5.5 months, beyond 24.8 days
    scheduler.start();
    expect(fake.delays.at(-1)).toBe(MAX_TIMER_MS);
    fake.advanceTo(new Date(Date.parse('2026-04-15T09:00:00.000Z') + MAX_TIMER_MS).toISOString());
    expect(fake.delays.at(-1)).toBeLessThanOrEqual(MAX_TIMER_MS);
    expect(scheduler.nextWakeAt()!.getTime()).toBeLessThanOrEqual(Date.parse('2026-10-01T22:00:00.000Z'));
    scheduler.stop();
  });
});
