// Wakes feed reads that wait for news (`wait`, SYNC_API 1.1): a NOTIFY from any process that
// committed events (PostgreSQL) or from this one (PGlite). Waiters also give up at their
// deadline, so a lost notification costs at most one wait, never an event.
import { type BackendDatabase } from '../db/database';
import { FEED_CHANNEL } from './append';

export class FeedSignal {
  private waiters = new Set<() => void>();
  private stopListening: (() => Promise<void>) | null = null;

  async start(database: BackendDatabase): Promise<void> {
    this.stopListening = await database.listen(FEED_CHANNEL, () => this.wake());
  }

  wake(): void {
    const waiting = this.waiters;
    this.waiters = new Set();
    for (const resolve of waiting) resolve();
  }

  /** Resolves at the next notification, after `ms`, or when `signal` aborts (the client left). */
  next(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  async stop(): Promise<void> {
    this.wake();
    await this.stopListening?.();
  }
}
