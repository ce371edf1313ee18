// SMS legal holds are asked for and decided at the backend (issues 14 and 16): the officer asks
// on her workstation, a different person with the supervisor role confirms or rejects on hers,
// and every workstation of dpo and supervisors holds the backend's state as its copy
// (backend-holds.ts, from the answers here and from the feed's `hold.updated`).
import type { SmsHoldInput } from '../../../shared/retention';
import { BackendHold, type HoldRequest } from '../../../shared/holds';
import { appendAudit } from '../audit/audit-log';
import { keyedHash } from '../audit/audit-keys';
import type { DeskContext } from '../desk-context';
import { DeskError } from '../desk-error';
import type { Caller } from '../handlers/handler-types';
import { smsHolds } from '../db/schema';
import { callForDecision, refusal } from '../sync/four-eyes-call';
import { berlinDate, shiftDate } from '../time/berlin';
import { germanDate } from '../time/german-date';
import { eq } from 'drizzle-orm';
import { applyBackendHold } from './backend-holds';
import { readRules } from './rules';

const HOLD_MESSAGES = {
  forbidden: 'Sicherungen beantragt nur der Datenschutz.',
  conflict: 'Über diese Sicherung ist bereits entschieden.',
  notFound: 'Diese Sicherung gibt es nicht (mehr).',
};

/** This workstation's limit (the legal-hold period, possibly tightened by a supervisor) before the backend's own. */
export function checkHoldPeriod(ctx: DeskContext, until: string): void {
  const today = berlinDate(ctx.clock());
  const maxDays = readRules(ctx.db).sms_legal_hold;
  const latest = shiftDate(today, maxDays);
  if (until <= today) throw new DeskError('invalid_input', 'Die Sicherung muss über heute hinaus reichen.');
  if (until > latest) throw new DeskError('invalid_input', `Eine Sicherung darf höchstens ${maxDays} Tage dauern, also bis ${germanDate(latest)}.`);
}

/** Asked for by an officer; effective only once a different person confirms it. Returns the hold's id. */
export async function requestSmsHold(ctx: DeskContext, caller: Caller, input: SmsHoldInput): Promise<string> {
  checkHoldPeriod(ctx, input.until);
  const body: HoldRequest = { caseRef: input.caseRef, customerNumber: input.customerNumber, until: input.until, reason: input.note };
  return callForDecision(ctx, caller, '/holds', body, (answer) => {
    const parsed = BackendHold.safeParse(answer.body);
    if (answer.status !== 201 || !parsed.success) throw refusal('Sicherung', answer, HOLD_MESSAGES);
    const hold = parsed.data;
    ctx.db.transaction(() => {
      applyBackendHold(ctx.db, hold, ctx.clock().toISOString());
      // The customer number stays out of the audit log in clear; its keyed hash makes it matchable.
      appendAudit(ctx.db, ctx.clock, { actor: caller.session.user.id, action: 'hold.set', subject: hold.id, details: { caseRef: input.caseRef, until: input.until, customer: keyedHash(ctx.db, ctx.clock, input.customerNumber) } });
    });
    return hold.id;
  });
}

/** Four eyes: the supervisor who decides may not be the officer who asked (the backend enforces it too). */
export async function decideSmsHold(ctx: DeskContext, caller: Caller, holdId: string, decision: 'confirm' | 'reject', note?: string): Promise<void> {
  const actor = caller.session.user.id;
  const hold = ctx.db.select().from(smsHolds).where(eq(smsHolds.id, holdId)).get();
  if (!hold || hold.endedAt) throw new DeskError('not_found', HOLD_MESSAGES.notFound);
  if (hold.confirmedAt) throw new DeskError('conflict', 'Die Sicherung ist bereits bestätigt.');
  const sameRefused = () => {
    // Committed on its own: the refusal itself stays on record.
    appendAudit(ctx.db, ctx.clock, { actor, action: 'hold.confirm_refused', subject: holdId, details: { reason: 'same_person' } });
    return new DeskError('forbidden', 'Eine Sicherung muss von einer anderen Person bestätigt werden, als sie gesetzt hat.');
  };
  if (hold.setBy === actor) throw sameRefused();
  await callForDecision(ctx, caller, `/holds/${holdId}/decision`, { decision, ...(note ? { note } : {}) }, (answer) => {
    const parsed = BackendHold.safeParse(answer.body);
    if (answer.status === 403) throw sameRefused();
    if (answer.status !== 200 || !parsed.success) throw refusal('Sicherung', answer, HOLD_MESSAGES);
    ctx.db.transaction(() => {
      applyBackendHold(ctx.db, parsed.data, ctx.clock().toISOString());
      appendAudit(ctx.db, ctx.clock, { actor, action: decision === 'confirm' ? 'hold.confirm' : 'hold.reject', subject: holdId, details: { until: hold.until } });
    });
  });
}
