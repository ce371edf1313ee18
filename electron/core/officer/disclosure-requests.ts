// The officer asks for a disclosure and a supervisor decides it, both at the backend (issue 16):
// the register and its approvals live there, so the supervisor decides on her own workstation
// and the officer's workstation learns the decision from the feed. The local register is the
// copy of the backend's (backend-disclosures.ts); this desk's audit chain records each step.
import { randomUUID } from 'node:crypto';
import type { ChannelInput } from '../../../shared/contract';
import { BackendDisclosure, type DisclosureRequest } from '../../../shared/disclosures';
import type { DisclosureEntry } from '../../../shared/officer-views';
import { appendAudit } from '../audit/audit-log';
import type { DeskContext } from '../desk-context';
import { DeskError } from '../desk-error';
import type { Caller } from '../handlers/handler-types';
import { callForDecision, refusal } from '../sync/four-eyes-call';
import { applyBackendDisclosure } from './backend-disclosures';
import { isRestrictedHere } from './subject-rights-feed';
import { disclosureEntry, smsRecordsById, type Staff } from './disclosures';

const staffOf = (caller: Caller): Staff => ({ userId: caller.session.user.id, displayName: caller.session.user.displayName });

export async function requestDisclosure(ctx: DeskContext, caller: Caller, input: ChannelInput<'disclosure.create'>): Promise<DisclosureEntry> {
  const officer = staffOf(caller);
  // The package is assembled from this workstation's copy of the log: every record must be here.
  const found = smsRecordsById(ctx.db, input.smsIds);
  if (found.length !== input.smsIds.length) {
    throw new DeskError('not_found', `${input.smsIds.length - found.length} der ausgewählten SMS-Datensätze sind nicht (mehr) im Protokoll.`);
  }
  const restricted = input.smsIds.filter((id) => isRestrictedHere(ctx.db, 'sms', id)).length;
  if (restricted > 0) throw restrictedRefusal(restricted);
  const body: DisclosureRequest = { id: randomUUID(), caseRef: input.caseRef, authority: input.authority, authorityRef: input.authorityRef, legalBasis: input.legalBasis, smsIds: input.smsIds };
  return callForDecision(ctx, caller, '/disclosures', body, (answer) => {
    const parsed = BackendDisclosure.safeParse(answer.body);
    refuseRestricted(answer);
    if ((answer.status !== 201 && answer.status !== 200) || !parsed.success) {
      throw refusal('Offenlegung', answer, { forbidden: 'Offenlegungen beantragt nur der Datenschutz.', conflict: 'Diese Offenlegung gibt es schon.', notFound: 'Das Backend kennt diesen Weg nicht.' });
    }
    ctx.db.transaction(() => {
      applyBackendDisclosure(ctx.db, parsed.data);
      appendAudit(ctx.db, ctx.clock, { actor: officer.userId, action: 'disclosure.create', subject: body.id, details: { caseRef: input.caseRef, records: input.smsIds.length } });
    });
    return disclosureEntry(ctx.db, officer, body.id);
  });
}

/** Four eyes: the supervisor who decides may not be the officer who asked (the backend enforces it too). A decision is final. */
export async function decideDisclosure(ctx: DeskContext, caller: Caller, input: ChannelInput<'disclosure.decide'>): Promise<DisclosureEntry> {
  const supervisor = staffOf(caller);
  const before = disclosureEntry(ctx.db, supervisor, input.disclosureId);
  const sameRefused = () => {
    // Committed on its own: the refusal itself stays on record.
    appendAudit(ctx.db, ctx.clock, { actor: supervisor.userId, action: 'disclosure.decide_refused', subject: before.id, details: { reason: 'same_person' } });
    return new DeskError('forbidden', 'Eine Offenlegung muss eine andere Person freigeben, als sie beantragt hat.');
  };
  if (before.mine) throw sameRefused();
  if (before.status !== 'pending') throw new DeskError('conflict', 'Über diese Offenlegung ist bereits entschieden.');
  const body = { decision: input.decision === 'approved' ? 'approve' : 'reject', ...(input.note ? { note: input.note } : {}) };
  return callForDecision(ctx, caller, `/disclosures/${input.disclosureId}/decision`, body, (answer) => {
    const parsed = BackendDisclosure.safeParse(answer.body);
    if (answer.status === 403 && caller.session.user.roles.includes('supervisor')) throw sameRefused();
    refuseRestricted(answer);
    if (answer.status !== 200 || !parsed.success) {
      throw refusal('Offenlegung', answer, { forbidden: 'Offenlegungen gibt nur die Leitung frei.', conflict: 'Über diese Offenlegung ist bereits entschieden.', notFound: 'Diese Offenlegung gibt es nicht.' });
    }
    ctx.db.transaction(() => {
      applyBackendDisclosure(ctx.db, parsed.data);
      appendAudit(ctx.db, ctx.clock, { actor: supervisor.userId, action: `disclosure.${input.decision}`, subject: before.id, details: { records: before.records } });
    });
    return disclosureEntry(ctx.db, supervisor, input.disclosureId);
  });
}

/** Issue 17 part 5 (Art. 18): restricted records are not disclosed; the package is refused whole. */
function restrictedRefusal(count: number): DeskError {
  return new DeskError('conflict', `${count} der ausgewählten SMS-Datensätze ${count === 1 ? 'ist' : 'sind'} eingeschränkt (Art. 18 DSGVO) und ${count === 1 ? 'darf' : 'dürfen'} nicht offengelegt werden.`);
}

function refuseRestricted(answer: { status: number; body: unknown }): void {
  const body = answer.body as { reason?: unknown; restricted?: unknown } | null;
  if (answer.status === 409 && body?.reason === 'restricted') throw restrictedRefusal(typeof body.restricted === 'number' ? body.restricted : 1);
}
