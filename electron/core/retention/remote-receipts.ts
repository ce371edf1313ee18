// Receipts of all workstations from the supervisors' feed: the proof that each local copy is
// gone, and the input for the overdue list. Idempotent: the feed may repeat an event.
import type { z } from 'zod';
import type { RecordedReceipt } from '../../../shared/sync-api';
import type { DeskDb } from '../db/open';
import { remoteReceipts } from '../db/schema';

export function recordRemoteReceipt(db: DeskDb, receipt: z.infer<typeof RecordedReceipt>): 'applied' | 'ignored' {
  const subject = 'requestId' in receipt ? receipt.requestId : 'erasureId' in receipt ? `erasure:${receipt.erasureId}:${receipt.log}` : logCutSubject(receipt.rule, receipt.smsBefore);
  const inserted = db
    .insert(remoteReceipts)
    .values({ subject, workstation: receipt.workstation, purgedAt: receipt.purgedAt, rule: receipt.rule })
    .onConflictDoNothing()
    .run();
  return inserted.changes > 0 ? 'applied' : 'ignored';
}

/** A log cut's subject: the SMS log's, or the portal log's (rule portal_90_days carries its cut in smsBefore). */
export function logCutSubject(rule: string, before: string): string {
  return `${rule === 'portal_90_days' ? 'portal' : 'sms'}:${before}`;
}
