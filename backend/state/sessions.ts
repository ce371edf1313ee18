// Bearer tokens. Only a hash of each token is kept, so a dump of this map logs nobody in.
import { createHash, randomBytes } from 'node:crypto';
import { type SessionUser } from '../../shared/sync-api';

export interface Session {
  user: SessionUser;
  workstation: string;
  expiresAt: number;
}

export type SessionLookup = { status: 'valid'; session: Session } | { status: 'expired' } | { status: 'unknown' };

/** Expired tokens are remembered a while so the client hears "token_expired", not "unauthorized". */
const REMEMBER_EXPIRED_MS = 24 * 3600_000;

const digest = (token: string): string => createHash('sha256').update(token).digest('base64url');

export class SessionStore {
  private readonly byDigest = new Map<string, Session>();

  open(user: SessionUser, workstation: string, nowMs: number, ttlMs: number): { token: string; session: Session } {
    this.forgetOld(nowMs);
    const token = randomBytes(32).toString('base64url');
    const session: Session = { user, workstation, expiresAt: nowMs + ttlMs };
    this.byDigest.set(digest(token), session);
    return { token, session };
  }

  lookup(token: string, nowMs: number): SessionLookup {
    const session = this.byDigest.get(digest(token));
    if (!session) return { status: 'unknown' };
    if (session.expiresAt <= nowMs) return { status: 'expired' };
    return { status: 'valid', session };
  }

  live(nowMs: number): number {
    let n = 0;
    for (const s of this.byDigest.values()) if (s.expiresAt > nowMs) n++;
    return n;
  }

  private forgetOld(nowMs: number): void {
    for (const [key, s] of this.byDigest) if (s.expiresAt + REMEMBER_EXPIRED_MS < nowMs) this.byDigest.delete(key);
  }
}
