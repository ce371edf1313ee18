// A Löschung at the backend (issue 17) took SMS or portal records before their 90 days: this
// workstation drops its copies now and queues a receipt naming the erasure, also when it holds
// none of them any more (its own 90-day purge was first): the backend awaits the proof either way.
// The sweep after the pull truncates the WAL, so the old frames go too.
import { inArray } from 'drizzle-orm';
import { maySeeSms, type Role } from '../../../shared/domain';
import type { FeedEvent } from '../../../shared/sync-api';
import { appendAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { portalLog, receipts, smsLog } from '../db/schema';
import { SYSTEM_ACTOR } from './purge';

type LogErasure = Extract<FeedEvent, { type: 'sms.erased' | 'portal.erased' }>;

export function applyLogErasure(db: DeskDb, clock: Clock, roles: readonly Role[], event: LogErasure): 'applied' | 'ignored' {
  if (!maySeeSms(roles)) return 'ignored';
  const log = event.type === 'sms.erased' ? 'sms' : 'portal';
  db.transaction(() => {
    const deleted =
      event.type === 'sms.erased' ? db.delete(smsLog).where(inArray(smsLog.id, event.smsIds)).run().changes : db.delete(portalLog).where(inArray(portalLog.id, event.accessIds)).run().changes;
    const purgedAt = clock().toISOString();
    db.insert(receipts).values({ erasureId: event.erasureId, erasureLog: log, purgedAt, rule: 'erased', status: 'pending' }).run();
    // Ids and counts only: which erasure, which log, how many rows were here.
    appendAudit(db, clock, { actor: SYSTEM_ACTOR, action: `purge.${log}.erased`, subject: event.erasureId, details: { records: deleted } });
  });
  return 'applied';
}
