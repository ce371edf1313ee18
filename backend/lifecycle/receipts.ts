// Purge receipts (issue 14: proofs nobody else can forge). A receipt counts only from the
// workstation that held the data: a request's receipt from a workstation whose claim was
// answered, an SMS receipt from one whose user receives the SMS log; with a rule of the
// contract and a plausible time. Others are refused one by one (and logged), the rest recorded;
// each new receipt goes to the supervisors' feed.
import { and, eq, inArray } from 'drizzle-orm';
import { maySeeSms } from '../../shared/domain';
import { type Receipt } from '../../shared/sync-api';
import { type BackendDb } from '../db/database';
import { holdings, receipts, subjectErasures } from '../db/schema';
import { appendFeed, type NewFeedEvent } from '../feed/append';
import { AUDIENCE } from '../feed/audience';
import { type Caller } from './caller';
import { erasureReceiptSubject } from './subject-erasure-receipts';

/** A receipt may be dated a little ahead of the backend's clock (clock skew), not more. */
const RECEIPT_SKEW_MS = 5 * 60_000;

export interface ReceiptsOutcome {
  recorded: number;
  refused: { index: number; reason: string }[];
}

export async function recordReceipts(db: BackendDb, caller: Caller, batch: readonly Receipt[], now: Date): Promise<ReceiptsOutcome> {
  const workstation = caller.workstation;
  return db.transaction(async (tx) => {
    const requestIds = batch.flatMap((r) => ('requestId' in r ? [r.requestId] : []));
    const held = new Map(
      (requestIds.length ? await tx.select().from(holdings).where(and(eq(holdings.workstation, workstation), inArray(holdings.requestId, requestIds))) : []).map((h) => [h.requestId, h.since]),
    );
    const refused: ReceiptsOutcome['refused'] = [];
    const events: NewFeedEvent[] = [];
    let recorded = 0;
    for (const [index, r] of batch.entries()) {
      const purgedAt = Date.parse(r.purgedAt);
      if (r.rule === 'workstation_retired') {
        refused.push({ index, reason: 'workstation_retired is recorded by the backend when a supervisor retires a workstation' });
        continue;
      }
      if (purgedAt > now.getTime() + RECEIPT_SKEW_MS) {
        refused.push({ index, reason: 'purgedAt lies in the future' });
        continue;
      }
      if ('requestId' in r) {
        const since = held.get(r.requestId);
        if (!since) {
          refused.push({ index, reason: 'this workstation never held that request' });
          continue;
        }
        if (purgedAt < since.getTime() - RECEIPT_SKEW_MS) {
          refused.push({ index, reason: 'purgedAt lies before this workstation held the request' });
          continue;
        }
      } else if ('erasureId' in r) {
        // Issue 17: any workstation of the SMS log's readers may prove its purge; the erasure's record says whose it awaits.
        if (!maySeeSms(caller.user.roles)) {
          refused.push({ index, reason: 'this workstation does not receive the SMS and portal logs' });
          continue;
        }
        const [erasure] = await tx.select({ at: subjectErasures.at }).from(subjectErasures).where(eq(subjectErasures.id, r.erasureId));
        if (!erasure) {
          refused.push({ index, reason: 'no such erasure' });
          continue;
        }
        if (purgedAt < erasure.at.getTime() - RECEIPT_SKEW_MS) {
          refused.push({ index, reason: 'purgedAt lies before the erasure' });
          continue;
        }
      } else {
        if (!maySeeSms(caller.user.roles)) {
          refused.push({ index, reason: 'this workstation does not receive the SMS log' });
          continue;
        }
        if (Date.parse(r.smsBefore) > purgedAt) {
          refused.push({ index, reason: 'smsBefore lies after purgedAt' });
          continue;
        }
      }
      const subject = 'requestId' in r ? `request:${r.requestId}` : 'erasureId' in r ? erasureReceiptSubject(r.erasureId, r.log) : `sms-before:${r.smsBefore}`;
      const stored = await tx
        .insert(receipts)
        .values({ workstation, subject, rule: r.rule, requestId: 'requestId' in r ? r.requestId : null, smsBefore: 'smsBefore' in r ? r.smsBefore : null, purgedAt: r.purgedAt, recordedAt: now })
        .onConflictDoNothing()
        .returning({ subject: receipts.subject });
      recorded++;
      if (stored.length === 0) continue;
      const receipt =
        'requestId' in r
          ? { workstation, purgedAt: r.purgedAt, rule: r.rule, requestId: r.requestId }
          : 'erasureId' in r
            ? { workstation, purgedAt: r.purgedAt, rule: r.rule, erasureId: r.erasureId, log: r.log }
            : { workstation, purgedAt: r.purgedAt, rule: r.rule, smsBefore: r.smsBefore };
      events.push({ type: 'receipt.recorded', at: now, audience: AUDIENCE.receipts, data: { receipt } });
    }
    await appendFeed(tx, events);
    return { recorded, refused };
  });
}
