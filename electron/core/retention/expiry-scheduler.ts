// One generic expiry scheduler (STYLE.md 7): runs once at start, then arms one timer for the
// soonest expiry, re-arms whenever something was written, and sweeps on a slow period as a
// safety net. Clock and timers are injected so tests drive it with fake time.
import type { Clock } from '../clock';

/** setTimeout cannot wait longer than this; a later expiry gets an intermediate wake-up. */
export const MAX_TIMER_MS = 2 ** 31 - 1;
/** After a run that left something due (an error, say), wait this long instead of spinning. */
const RETRY_MS = 1_000;

export interface SchedulerTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const systemTimers: SchedulerTimers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  setInterval: (run, ms) => setInterval(run, ms),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

export interface ExpiryScheduler {
  start(): void;
  /** Something was written: the soonest expiry may have moved. */
  reschedule(): void;
  stop(): void;
  /** When the armed timer fires, or null: for tests and diagnostics. */
  nextWakeAt(): Date | null;
}

export interface ExpirySchedulerOptions {
  clock: Clock;
  timers: SchedulerTimers;
  /** The soonest moment something expires, or null when nothing will. */
  nextExpiry(): Date | null;
  /** Purges whatever is due at clock(). */
  run(): void;
  periodMs: number;
  onError?(error: unknown): void;
}

export function createExpiryScheduler(options: ExpirySchedulerOptions): ExpiryScheduler {
  const { clock, timers } = options;
  let timer: unknown = null;
  let interval: unknown = null;
  let wakeAt: Date | null = null;
  let stopped = true;

  const runSafely = (): void => {
    try {
      options.run();
    } catch (error) {
      options.onError?.(error);
    }
  };

  const arm = (afterRun: boolean): void => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    wakeAt = null;
    if (stopped) return;
    const next = options.nextExpiry();
    if (!next) return;
    let delay = Math.max(0, next.getTime() - clock().getTime());
    if (delay === 0 && afterRun) delay = RETRY_MS;
    delay = Math.min(delay, MAX_TIMER_MS);
    wakeAt = new Date(clock().getTime() + delay);
    timer = timers.setTimeout(fire, delay);
  };

  function fire(): void {
    timer = null;
    runSafely();
    arm(true);
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      runSafely();
      arm(true);
      interval = timers.setInterval(() => {
        runSafely();
        arm(true);
      }, options.periodMs);
    },
    reschedule: () => arm(false),
    stop() {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      if (interval !== null) timers.clearInterval(interval);
      timer = interval = wakeAt = null;
    },
    nextWakeAt: () => wakeAt,
  };
}
