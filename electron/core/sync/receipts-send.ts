// Sends queued deletion receipts in batches; the backend records them idempotently.
import { asc, eq, inArray } from 'drizzle-orm';
import { ReceiptsResponse, type Receipt } from '../../../shared/sync-api';
import { recordHeadSent, type AuditAnchor } from '../audit/audit-log';
import type { DeskDb } from '../db/open';
import { receipts } from '../db/schema';
import { apiErrorCode, type BackendClient } from './backend-client';
import { SessionExpiredError, UnexpectedAnswerError } from './sync-errors';

const BATCH = 500;

/**
 * `auditHead` is the audit log's head when the sync began; it travels with the receipts, so the
 * backend holds a copy out of this workstation's reach, and is then noted as sent (audit-log.ts).
 */
export async function sendReceipts(db: DeskDb, client: BackendClient, auditHead?: AuditAnchor | null): Promise<number> {
  let sent = 0;
  for (;;) {
    const batch = db.select().from(receipts).where(eq(receipts.status, 'pending')).orderBy(asc(receipts.seq)).limit(BATCH).all();
    if (batch.length === 0) return sent;
    const body: { receipts: Receipt[]; auditHead?: string } = {
      receipts: batch.map((r) =>
        r.requestId ? { requestId: r.requestId, purgedAt: r.purgedAt, rule: r.rule } : { smsBefore: r.smsBefore ?? r.purgedAt, purgedAt: r.purgedAt, rule: r.rule },
      ),
    };
    if (auditHead) body.auditHead = auditHead.hash;
    const answer = await client.call('POST', '/receipts', body);
    if (answer.status === 401) throw new SessionExpiredError();
    if (answer.status !== 200 || !ReceiptsResponse.safeParse(answer.body).success) {
      throw new UnexpectedAnswerError('Löschbelege', answer.status, apiErrorCode(answer.body));
    }
    db.transaction(() => {
      db.update(receipts)
        .set({ status: 'sent' })
        .where(
          inArray(
            receipts.seq,
            batch.map((r) => r.seq),
          ),
        )
        .run();
      if (auditHead) recordHeadSent(db, auditHead);
    });
    sent += batch.length;
  }
}
