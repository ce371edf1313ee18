// Forms per client address and minute (`--intake-per-minute`), counted in the database so every
// backend process counts the same. Every form counts, valid or not: a flood is a flood. The
// address is kept only as a keyed hash, and only for the minute it counts.
import { createHmac, randomBytes } from 'node:crypto';
import { eq, lt, sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../db/database';
import { intakeRate, meta } from '../db/schema';

export const DEFAULT_INTAKE_PER_MINUTE = 10;

export class IntakeRate {
  private constructor(
    private readonly key: Buffer,
    readonly perMinute: number,
  ) {}

  static async open(q: Queryable, perMinute: number): Promise<IntakeRate> {
    await q.insert(meta).values({ key: 'intake_rate_key', value: randomBytes(32).toString('base64url') }).onConflictDoNothing();
    const [row] = await q.select({ value: meta.value }).from(meta).where(eq(meta.key, 'intake_rate_key'));
    return new IntakeRate(Buffer.from(row?.value ?? '', 'base64url'), perMinute);
  }

  /** Counts this form; the seconds to wait when the address is over its limit, else 0. */
  async count(q: Queryable, address: string, now: Date): Promise<number> {
    if (this.perMinute === 0) return 0;
    const minute = Math.floor(now.getTime() / 60_000) * 60_000;
    const key = `${createHmac('sha256', this.key).update(address).digest('base64url').slice(0, 32)}|${minute}`;
    const [row] = await rowsOf<{ forms: number }>(
      q,
      sql`INSERT INTO intake_rate (key, forms, window_start) VALUES (${key}, 1, ${new Date(minute).toISOString()}::timestamptz)
          ON CONFLICT (key) DO UPDATE SET forms = intake_rate.forms + 1 RETURNING forms`,
    );
    return (row?.forms ?? 0) > this.perMinute ? Math.max(1, Math.ceil((minute + 60_000 - now.getTime()) / 1000)) : 0;
  }

  static async forgetBefore(q: Queryable, before: Date): Promise<void> {
    await q.delete(intakeRate).where(lt(intakeRate.windowStart, before));
  }
}
