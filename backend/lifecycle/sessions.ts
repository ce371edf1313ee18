// Bearer tokens: 32 random bytes; the database keeps only their SHA-256, so a dump of it logs
// nobody in. A revoked token (logout) or an expired one is refused like an unknown one, but
// with the code that tells the client what happened.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import { Role } from '../../shared/domain';
import { type SessionUser } from '../../shared/sync-api';
import { type Queryable } from '../db/database';
import { sessions } from '../db/schema';

export type SessionLookup = { status: 'valid'; user: SessionUser; workstation: string } | { status: 'expired' } | { status: 'unknown' };

/** Expired tokens are remembered a day so the client hears "token_expired", not "unauthorized". */
export const REMEMBER_EXPIRED_MS = 24 * 3_600_000;

const digest = (token: string): string => createHash('sha256').update(token).digest('base64url');

export async function openSession(q: Queryable, user: SessionUser, workstation: string, now: Date, ttlMs: number): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs);
  await q.insert(sessions).values({ tokenHash: digest(token), userId: user.id, displayName: user.displayName, roles: user.roles, workstation, createdAt: now, expiresAt });
  return { token, expiresAt };
}

/** Several tokens in one statement (the API's lookups go in batches, api/auth.ts), answers in their order. */
export async function lookupSessions(q: Queryable, asked: readonly { token: string; now: Date }[]): Promise<SessionLookup[]> {
  const digests = asked.map((a) => digest(a.token));
  const rows = new Map((await q.select().from(sessions).where(inArray(sessions.tokenHash, [...new Set(digests)]))).map((r) => [r.tokenHash, r]));
  return asked.map(({ now }, i): SessionLookup => {
    const row = rows.get(digests[i]!);
    if (!row || row.revokedAt !== null) return { status: 'unknown' };
    if (row.expiresAt <= now) return { status: 'expired' };
    const roles = row.roles.map((r) => Role.parse(r));
    return { status: 'valid', user: { id: row.userId, displayName: row.displayName, roles }, workstation: row.workstation };
  });
}

/** Logout: the token is refused from now on, in every process. */
export async function revokeSession(q: Queryable, token: string, now: Date): Promise<boolean> {
  const revoked = await q
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.tokenHash, digest(token)), isNull(sessions.revokedAt)))
    .returning({ tokenHash: sessions.tokenHash });
  return revoked.length > 0;
}

export async function forgetOldSessions(q: Queryable, now: Date): Promise<number> {
  const gone = await q.delete(sessions).where(lt(sessions.expiresAt, new Date(now.getTime() - REMEMBER_EXPIRED_MS))).returning({ tokenHash: sessions.tokenHash });
  return gone.length;
}
