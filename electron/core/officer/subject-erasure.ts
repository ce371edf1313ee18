// The Löschung at the officer's desk (issue 17): the plan and the progress come from the backend,
// which erases and counts the receipts; this workstation audits each step by ids and counts only.
// The case may not close here while the backend still awaits receipts: closing is local first, so
// the check is made before, and for a Löschung case it needs the backend.
import { eq } from 'drizzle-orm';
import { SubjectErasureView } from '../../../shared/subject-erasure';
import { appendAudit } from '../audit/audit-log';
import type { DeskContext } from '../desk-context';
import { DeskError } from '../desk-error';
import { subjectRequests } from '../db/officer-schema';
import type { Caller } from '../handlers/handler-types';
import { ask, officerGate, parsed, path } from './subject-requests';

export async function readErasure(ctx: DeskContext, caller: Caller, requestId: string): Promise<SubjectErasureView> {
  officerGate(ctx, caller, requestId);
  return parsed(SubjectErasureView, await ask(ctx, caller, 'GET', path(requestId, '/erasure')));
}

export async function executeErasure(ctx: DeskContext, caller: Caller, requestId: string): Promise<SubjectErasureView> {
  officerGate(ctx, caller, requestId);
  const view = parsed(SubjectErasureView, await ask(ctx, caller, 'POST', path(requestId, '/erasure'), { confirm: true }));
  const erasure = view.erasure!;
  appendAudit(ctx.db, ctx.clock, {
    actor: caller.session.user.id,
    action: 'subject.erase',
    subject: requestId,
    details: { erasureId: erasure.erasureId, ...erasure.counts, kept: erasure.kept.length, awaiting: erasure.awaiting },
  });
  ctx.emit('queue');
  return view;
}

/** Before a Löschung case closes here: refused while any workstation's receipt is missing. */
export async function requireErasureReceipts(ctx: DeskContext, caller: Caller, requestId: string): Promise<void> {
  const marked = ctx.db.select({ type: subjectRequests.type }).from(subjectRequests).where(eq(subjectRequests.requestId, requestId)).get();
  if (marked?.type !== 'erasure') return;
  const view = parsed(SubjectErasureView, await ask(ctx, caller, 'GET', path(requestId, '/erasure')));
  const awaiting = view.erasure?.awaiting ?? 0;
  if (awaiting > 0) {
    throw new DeskError(
      'conflict',
      `Die Löschung wartet noch auf die Löschbelege von ${awaiting === 1 ? 'einem Arbeitsplatz' : `${awaiting} Arbeitsplätzen`}. Der Fall kann erst abgeschlossen werden, wenn alle Belege da sind oder der Arbeitsplatz stillgelegt ist.`,
    );
  }
}
