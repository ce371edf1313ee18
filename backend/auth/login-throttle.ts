// Failed logins are throttled per username and per client address, in the database so every
// backend process counts the same failures. Only failures count: many workstations behind one
// address (a proxy, the office's NAT) log in as often as they like. The address is kept only
// as a keyed hash (the key lives in the database's meta table).
import { createHmac, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { type Queryable } from '../db/database';
import { loginFailures, meta } from '../db/schema';

export interface ThrottleLimits {
  /** Failures allowed per username within the window before it is blocked. */
  perUser: number;
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = { perUser: 5, perAddress: 30, windowMs: 15 * 60_000 };
/** The block doubles with each further failure, from 30 seconds up to the window. */
const FIRST_BLOCK_MS = 30_000;

export class LoginThrottle {
  private constructor(
    private readonly key: Buffer,
    private readonly limits: ThrottleLimits,
  ) {}

  static async open(q: Queryable, limits: ThrottleLimits = DEFAULT_THROTTLE): Promise<LoginThrottle> {
    await q.insert(meta).values({ key: 'throttle_key', value: randomBytes(32).toString('base64url') }).onConflictDoNothing();
    const [row] = await q.select({ value: meta.value }).from(meta).where(eq(meta.key, 'throttle_key'));
    return new LoginThrottle(Buffer.from(row?.value ?? '', 'base64url'), limits);
  }

  private keys(username: string, address: string): { user: string; address: string } {
    const hash = (value: string) => createHmac('sha256', this.key).update(value).digest('base64url').slice(0, 32);
    return { user: `user:${hash(username.toLowerCase())}`, address: `addr:${hash(address)}` };
  }

  /** Seconds to wait when either key is blocked, else 0. */
  async retryAfterSeconds(q: Queryable, username: string, address: string, now: Date): Promise<number> {
    const keys = this.keys(username, address);
    const rows = await q.select().from(loginFailures).where(sql`${loginFailures.key} IN (${keys.user}, ${keys.address})`);
    const until = Math.max(0, ...rows.map((r) => r.blockedUntil?.getTime() ?? 0));
    return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
  }

  async recordFailure(q: Queryable, username: string, address: string, now: Date): Promise<void> {
    const keys = this.keys(username, address);
    await this.count(q, keys.user, this.limits.perUser, now);
    await this.count(q, keys.address, this.limits.perAddress, now);
  }

  /** A successful login clears the username's failures (not the address's). */
  async recordSuccess(q: Queryable, username: string, address: string): Promise<void> {
    await q.delete(loginFailures).where(eq(loginFailures.key, this.keys(username, address).user));
  }

  private async count(q: Queryable, key: string, limit: number, now: Date): Promise<void> {
    const windowStart = new Date(now.getTime() - this.limits.windowMs);
    // One statement, so concurrent failures in several processes all count.
    await q.execute(sql`
      INSERT INTO login_failures (key, failures, window_start, blocked_until) VALUES (${key}, 1, ${now.toISOString()}, NULL)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN login_failures.window_start < ${windowStart.toISOString()} THEN 1 ELSE login_failures.failures + 1 END,
        window_start = CASE WHEN login_failures.window_start < ${windowStart.toISOString()} THEN ${now.toISOString()}::timestamptz ELSE login_failures.window_start END`);
    const [row] = await q.select().from(loginFailures).where(eq(loginFailures.key, key));
    if (!row || row.failures < limit) return;
    const blockMs = Math.min(this.limits.windowMs, FIRST_BLOCK_MS * 2 ** Math.min(20, row.failures - limit));
    await q.update(loginFailures).set({ blockedUntil: new Date(now.getTime() + blockMs) }).where(eq(loginFailures.key, key));
  }
}
