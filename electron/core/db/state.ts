// Small key/value state: cursor, workstation id, session, purge frontier (audit keys: table audit_keys).
import { eq, sql } from 'drizzle-orm';
import type { DeskDb } from './open';
import { syncState } from './schema';

export function readState(db: DeskDb, key: string): string | null {
  return db.select({ value: syncState.value }).from(syncState).where(eq(syncState.key, key)).get()?.value ?? null;
}

export function writeState(db: DeskDb, key: string, value: string | null): void {
  if (value === null) {
    db.delete(syncState).where(eq(syncState.key, key)).run();
    return;
  }
  db.insert(syncState)
    .values({ key, value })
    .onConflictDoUpdate({ target: syncState.key, set: { value, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` } })
    .run();
}

export const STATE_KEYS = {
  workstation: 'workstation',
  session: 'session',
  cursor: 'feed.cursor',
  lastSyncAt: 'sync.last_at',
  /** Set by the first complete sync after a login; until then the local copy may be partial. */
  caughtUpAt: 'sync.caught_up_at',
  lastSyncError: 'sync.last_error',
  smsPurgedBefore: 'sms.purged_before',
  portalPurgedBefore: 'portal.purged_before',
} as const;
