// Holds: why personal data stays past its normal purge. Case retentions (contact, dpo,
// equality) are set when closing and live on the request; SMS legal holds are set by the
// data-protection officer and take effect only once a different person, a supervisor, confirms.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import { RETENTION_REASONS, type RetentionReason } from '../../../shared/domain';
import type { HoldView, SmsHoldInput } from '../../../shared/retention';
import { appendAudit } from '../audit/audit-log';
import { keyedHash } from '../audit/audit-keys';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { requests, smsHolds } from '../db/schema';
import { DeskError } from '../desk-error';
import { berlinDate, shiftDate } from '../time/berlin';
import { germanDate } from '../time/german-date';
import { effectiveUntil } from './plan';
import { readRules } from './rules';

export interface Staff {
  userId: string;
  displayName: string;
}

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

/** Set by an officer; at most the (possibly tightened) legal-hold period from today. */
export function setSmsHold(db: DeskDb, clock: Clock, officer: Staff, input: SmsHoldInput): string {
  const today = berlinDate(clock());
  const maxDays = readRules(db).sms_legal_hold;
  const latest = shiftDate(today, maxDays);
  if (input.until <= today) throw new DeskError('invalid_input', 'Die Sicherung muss über heute hinaus reichen.');
  if (input.until > latest) throw new DeskError('invalid_input', `Eine Sicherung darf höchstens ${maxDays} Tage dauern, also bis ${germanDate(latest)}.`);
  const id = randomUUID();
  db.transaction(() => {
    db.insert(smsHolds)
      .values({ id, caseRef: input.caseRef, customerNumber: input.customerNumber, note: input.note, until: input.until, setBy: officer.userId, setByName: officer.displayName, setAt: clock().toISOString() })
      .run();
    // The customer number stays out of the audit log in clear; its keyed hash makes it matchable.
    appendAudit(db, clock, { actor: officer.userId, action: 'hold.set', subject: id, details: { caseRef: input.caseRef, until: input.until, customer: keyedHash(db, clock, input.customerNumber) } });
  });
  return id;
}

/** Four eyes: the supervisor who confirms may not be the officer who set the hold. */
export function confirmSmsHold(db: DeskDb, clock: Clock, supervisor: Staff, holdId: string): void {
  const refusal = db.transaction(() => {
    const hold = db.select().from(smsHolds).where(eq(smsHolds.id, holdId)).get();
    if (!hold || hold.endedAt) throw new DeskError('not_found', 'Diese Sicherung gibt es nicht (mehr).');
    if (hold.confirmedAt) throw new DeskError('conflict', 'Die Sicherung ist bereits bestätigt.');
    if (hold.setBy === supervisor.userId) {
      // The refusal is audited and committed; only then is it reported (a throw here would roll the entry back).
      appendAudit(db, clock, { actor: supervisor.userId, action: 'hold.confirm_refused', subject: holdId, details: { reason: 'same_person' } });
      return new DeskError('forbidden', 'Eine Sicherung muss von einer anderen Person bestätigt werden, als sie gesetzt hat.');
    }
    db.update(smsHolds).set({ confirmedBy: supervisor.userId, confirmedByName: supervisor.displayName, confirmedAt: clock().toISOString() }).where(eq(smsHolds.id, holdId)).run();
    appendAudit(db, clock, { actor: supervisor.userId, action: 'hold.confirm', subject: holdId, details: { until: hold.until } });
    return null;
  });
  if (refusal) throw refusal;
}
