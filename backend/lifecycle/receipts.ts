// Purge receipts from a workstation; each new one goes to the supervisors' feed.
import { sql } from 'drizzle-orm';
import { type Receipt } from '../../shared/sync-api';
import { type BackendDb } from '../db/database';
import { auditHeads, receipts } from '../db/schema';
import { appendFeed, type NewFeedEvent } from '../feed/append';
import { AUDIENCE } from '../feed/audience';

/**
 * Records the receipts and returns how many of them are on record now. A re-sent batch gets
 * the same number back (so the client can mark all as delivered) but adds no feed events.
 */
export async function recordReceipts(db: BackendDb, workstation: string, batch: readonly Receipt[], auditHead: string | undefined, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const events: NewFeedEvent[] = [];
    for (const r of batch) {
      const subject = 'requestId' in r ? `request:${r.requestId}` : `sms-before:${r.smsBefore}`;
      const stored = await tx
        .insert(receipts)
        .values({
          workstation,
          subject,
          rule: r.rule,
          requestId: 'requestId' in r ? r.requestId : null,
          smsBefore: 'smsBefore' in r ? r.smsBefore : null,
          purgedAt: r.purgedAt,
          recordedAt: now,
        })
        .onConflictDoNothing()
        .returning({ subject: receipts.subject });
      if (stored.length === 0) continue;
      const receipt = 'requestId' in r ? { workstation, purgedAt: r.purgedAt, rule: r.rule, requestId: r.requestId } : { workstation, purgedAt: r.purgedAt, rule: r.rule, smsBefore: r.smsBefore };
      events.push({ type: 'receipt.recorded', at: now, audience: AUDIENCE.receipts, data: { receipt } });
    }
    await appendFeed(tx, events);
    if (auditHead !== undefined) {
      await tx
        .insert(auditHeads)
        .values({ workstation, head: auditHead, updatedAt: now })
        .onConflictDoUpdate({ target: auditHeads.workstation, set: { head: sql`excluded.head`, updatedAt: sql`excluded.updated_at` } });
    }
    return batch.length;
  });
}
