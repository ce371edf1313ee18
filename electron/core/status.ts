// Counts for `cli status --json` and the sync indicator. Never personal data, only numbers.
import { ne, sql } from 'drizzle-orm';
import type { DeskStatus } from '../../shared/views';
import type { DeskDb } from './db/open';
import { outbox, personalData, quarantine, receipts, requests, smsLog, tombstones } from './db/schema';

export function deskStatus(db: DeskDb): DeskStatus {
  const count = (query: { get(): { n: number } | undefined }) => Number(query.get()?.n ?? 0);
  const n = sql<number>`count(*)`;
  return {
    requests: count(db.select({ n }).from(requests).where(ne(requests.status, 'closed'))),
    withPersonalData: count(db.select({ n }).from(personalData)),
    sms: count(db.select({ n }).from(smsLog)),
    tombstones: count(db.select({ n }).from(tombstones)),
    pendingEvents: count(db.select({ n }).from(outbox).where(sql`${outbox.status} = 'pending'`)),
    pendingReceipts: count(db.select({ n }).from(receipts).where(sql`${receipts.status} = 'pending'`)),
    quarantined: count(db.select({ n }).from(quarantine)),
  };
}
