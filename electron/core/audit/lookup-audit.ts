// The audit entry of a log lookup (SMS or portal): the case reference and purpose category
// readable for the supervisor's review; the looked-up customer number or address and the
// free-text purpose only as keyed hashes, never in clear.
import type { ChannelInput } from '../../../shared/contract';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { keyedHash } from './audit-keys';
import { appendAudit } from './audit-log';

export function auditLookup(db: DeskDb, clock: Clock, actor: string, action: 'sms.lookup' | 'portal.lookup', query: ChannelInput<'sms.lookup'>, results: number): void {
  appendAudit(db, clock, {
    actor,
    action,
    subject: query.caseRef,
    details: {
      by: query.customerNumber !== undefined ? 'customer' : 'ip',
      query: keyedHash(db, clock, query.customerNumber ?? query.ip ?? ''),
      purposeCategory: query.purposeCategory ?? null,
      purpose: keyedHash(db, clock, query.purpose),
      from: query.from ?? null,
      to: query.to ?? null,
      results,
    },
  });
}
