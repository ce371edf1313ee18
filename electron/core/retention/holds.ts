// Holds: why personal data stays past its normal purge. Case retentions (contact, dpo,
// equality) are set when closing and live on the request; SMS legal holds are asked for by the
// data-protection officer and take effect only once a different person, a supervisor, confirms,
// both at the backend (hold-requests.ts); this list shows the local copy with the officer's reason.
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import { RETENTION_REASONS, type RetentionReason } from '../../../shared/domain';
import type { HoldView } from '../../../shared/retention';
import type { DeskDb } from '../db/open';
import { requests, smsHolds } from '../db/schema';
import { effectiveUntil } from './plan';
import { readRules } from './rules';

export function listHolds(db: DeskDb, today: string): HoldView[] {
  const rules = readRules(db);
  const cases = db
    .select()
    .from(requests)
    .where(and(eq(requests.status, 'closed'), isNotNull(requests.retainedUntil)))
    .orderBy(asc(requests.retainedUntil))
    .all()
    .map((row) => ({ row, until: effectiveUntil(row, rules) }))
    .filter(({ until }) => until !== null && until >= today)
    .map(({ row, until }): HoldView => ({
      id: row.id,
      type: 'case',
      kind: row.kind,
      reason: isReason(row.retentionReason) ? row.retentionReason : 'unknown',
      until: until!,
      note: row.retentionNote,
      caseRef: null,
      setBy: row.ownerName,
      confirmedBy: null,
      status: 'active',
    }));
  const sms = db
    .select()
    .from(smsHolds)
    .where(isNull(smsHolds.endedAt))
    .orderBy(asc(smsHolds.until))
    .all()
    .map((h): HoldView => ({
      id: h.id,
      type: 'sms',
      kind: 'sms',
      reason: 'legal_hold',
      until: h.until,
      note: h.note,
      caseRef: h.caseRef,
      setBy: h.setByName,
      confirmedBy: h.confirmedByName,
      status: h.confirmedAt ? 'active' : 'pending',
    }));
  return [...cases, ...sms];
}

function isReason(value: string | null): value is RetentionReason {
  return (RETENTION_REASONS as readonly string[]).includes(value ?? '');
}
