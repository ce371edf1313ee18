// Sends queued deletion receipts in batches; the backend records them idempotently.
import { asc, eq, inArray } from 'drizzle-orm';
import { ReceiptsResponse, type Receipt } from '../../../shared/sync-api';
import type { DeskDb } from '../db/open';
import { receipts } from '../db/schema';
import { apiErrorCode, type BackendClient } from './backend-client';
import { SessionExpiredError, UnexpectedAnswerError } from './sync-errors';

const BATCH = 500;

/**
 * Receipts the backend refuses (issue 14: this workstation never held that request, an
 * implausible time) are kept as `refused`: proof that was not accepted, never sent again.
 */
export async function sendReceipts(db: DeskDb, client: BackendClient): Promise<number> {
  let sent = 0;
  for (;;) {
    const batch = db.select().from(receipts).where(eq(receipts.status, 'pending')).orderBy(asc(receipts.seq)).limit(BATCH).all();
    if (batch.length === 0) return sent;
    const body: { receipts: Receipt[] } = {
      receipts: batch.map((r) =>
        r.requestId
          ? { requestId: r.requestId, purgedAt: r.purgedAt, rule: r.rule }
          : r.erasureId && r.erasureLog
            ? { erasureId: r.erasureId, log: r.erasureLog, purgedAt: r.purgedAt, rule: r.rule }
            : { smsBefore: r.smsBefore ?? r.purgedAt, purgedAt: r.purgedAt, rule: r.rule },
      ),
    };
    const answer = await client.call('POST', '/receipts', body);
    if (answer.status === 401) throw new SessionExpiredError();
    const parsed = ReceiptsResponse.safeParse(answer.body);
    if (answer.status !== 200 || !parsed.success) {
      throw new UnexpectedAnswerError('Löschbelege', answer.status, apiErrorCode(answer.body));
    }
    const refused = new Set((parsed.data.refused ?? []).map((r) => batch[r.index]?.seq));
    db.transaction(() => {
      const seqs = (status: 'sent' | 'refused') => batch.filter((r) => refused.has(r.seq) === (status === 'refused')).map((r) => r.seq);
      for (const status of ['sent', 'refused'] as const) db.update(receipts).set({ status }).where(inArray(receipts.seq, seqs(status))).run();
    });
    sent += batch.length;
  }
}
