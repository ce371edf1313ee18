// The purge: personal data leaves the database in one DELETE, a receipt is queued for the
// backend, the audit log records it; for finished requests a tombstone keeps the proof.
// Afterwards `scrubWal` makes sure no old copy survives in the write-ahead log.
import { eq } from 'drizzle-orm';
import type { PurgeRule } from '../../../shared/sync-api';
import { appendAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { personalData, receipts, requests, tombstones } from '../db/schema';
import { berlinDayStart } from '../time/berlin';

export const SYSTEM_ACTOR = 'system';

/** Deletes the local personal data of a request. Returns whether there was any. */
export function purgePersonalData(db: DeskDb, clock: Clock, requestId: string, rule: PurgeRule, actor = SYSTEM_ACTOR): boolean {
  const deleted = db.delete(personalData).where(eq(personalData.requestId, requestId)).run().changes > 0;
  if (deleted) {
    const purgedAt = clock().toISOString();
    db.insert(receipts).values({ requestId, purgedAt, rule, status: 'pending' }).run();
    appendAudit(db, clock, { actor, action: 'purge', subject: requestId, details: { rule } });
  }
  return deleted;
}

/**
 * A finished request: personal data purged and a tombstone written, so that the feed can
 * never bring it back. `dropEntry` also removes the queue row (erasure, end of day).
 */
export function retireRequest(
  db: DeskDb,
  clock: Clock,
  requestId: string,
  rule: PurgeRule,
  options: { actor?: string; dropEntry?: boolean } = {},
): boolean {
  const purged = purgePersonalData(db, clock, requestId, rule, options.actor);
  const row = db.select().from(requests).where(eq(requests.id, requestId)).get();
  if (row) {
    db.insert(tombstones)
      .values({
        requestId,
        kind: row.kind,
        receivedAt: row.receivedAt,
        closedAt: row.closedAt,
        purgedAt: clock().toISOString(),
        rule,
        outcome: row.outcome,
        ownerWorkstation: row.ownerWorkstation,
        purgeDueAt: purgeDueAt(row, rule, clock),
      })
      .onConflictDoNothing()
      .run();
    if (options.dropEntry) db.delete(requests).where(eq(requests.id, requestId)).run();
  }
  return purged;
}

/**
 * When the owning workstation had to purge: at closing (since issue 16 also a retained case: the
 * backend keeps it), the day after a retention for a copy kept here before that, else now (erasure).
 */
function purgeDueAt(row: typeof requests.$inferSelect, rule: PurgeRule, clock: Clock): string {
  if (row.status !== 'closed') return clock().toISOString();
  if (row.retainedUntil && rule === 'retention_ended') return berlinDayStart(row.retainedUntil, 1);
  return row.closedAt ?? clock().toISOString();
}

export function isTombstoned(db: DeskDb, requestId: string): boolean {
  return db.select({ id: tombstones.requestId }).from(tombstones).where(eq(tombstones.requestId, requestId)).get() !== undefined;
}

/**
 * Copies the WAL into the database and truncates it to zero bytes: deleted rows were zeroed
 * in their pages by secure_delete, and the old frames that still held them are gone.
 */
export function scrubWal(db: DeskDb): void {
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  // Pages freed by the purge (already zeroed by secure_delete) leave the file, so it shrinks
  // after a large purge; incremental_vacuum writes through the WAL, hence a second checkpoint.
  if (db.$client.pragma('freelist_count', { simple: true }) !== 0 && db.$client.pragma('auto_vacuum', { simple: true }) === INCREMENTAL) {
    db.$client.pragma('incremental_vacuum');
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
  }
}

const INCREMENTAL = 2;
