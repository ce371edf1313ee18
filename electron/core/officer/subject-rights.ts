// Issue 17 part 5 at the officer's desk: Berichtigung, Einschränkung and Widerspruch, asked of the
// backend for the dpo holding the case. A correction's new values go to the backend only (and from
// there to the workstation holding that request); this workstation's audit chain records which
// fields, which records and which decision, never a value or a reason (those may name people).
import { z } from 'zod';
import { ApiError } from '../../../shared/sync-api';
import { Objection, Rectification, Restriction, SubjectRightsRecord, type ObjectionInput, type RectificationInput, type RestrictionInput } from '../../../shared/subject-rights';
import { appendAudit } from '../audit/audit-log';
import type { DeskContext } from '../desk-context';
import { DeskError } from '../desk-error';
import type { Caller } from '../handlers/handler-types';
import { ask, officerGate, path, refused } from './subject-requests';

const REFUSALS: Record<string, string> = {
  wrong_type: 'Der Vorgang ist als andere Art von Betroffenenantrag gekennzeichnet.',
  not_included: 'Nur Treffer, die die Suche dieses Vorgangs gefunden hat und die aufgenommen wurden, können so bearbeitet werden.',
  no_personal_data: 'Dieser Vorgang enthält keine personenbezogenen Daten mehr.',
  already_lifted: 'Die Einschränkung ist bereits aufgehoben.',
};

function answerOf<T extends z.ZodType>(schema: T, answer: { status: number; body: unknown }): z.output<T> {
  if (answer.status !== 200) {
    const reason = (answer.body as { reason?: unknown } | null)?.reason;
    if (answer.status === 409 && typeof reason === 'string' && REFUSALS[reason]) throw new DeskError('conflict', REFUSALS[reason]);
    if (answer.status === 404 && ApiError.safeParse(answer.body).data?.detail?.startsWith('This case made no such restriction')) throw new DeskError('not_found', 'Diese Einschränkung gibt es bei diesem Vorgang nicht.');
    throw refused(answer);
  }
  const result = schema.safeParse(answer.body);
  if (!result.success) throw new DeskError('backend_unreachable', `Unerwartete Antwort des Backends (HTTP ${answer.status}).`);
  return result.data;
}

export async function readSubjectRights(ctx: DeskContext, caller: Caller, requestId: string): Promise<SubjectRightsRecord> {
  officerGate(ctx, caller, requestId);
  return answerOf(SubjectRightsRecord, await ask(ctx, caller, 'GET', path(requestId, '/rights')));
}

export async function rectifyRequest(ctx: DeskContext, caller: Caller, requestId: string, input: RectificationInput): Promise<Rectification> {
  officerGate(ctx, caller, requestId);
  const done = answerOf(Rectification, await ask(ctx, caller, 'POST', path(requestId, '/rectifications'), input));
  appendAudit(ctx.db, ctx.clock, { actor: caller.session.user.id, action: 'subject.rectify', subject: requestId, details: { target: done.targetId, fields: done.fields.join(',') } });
  return done;
}

export async function restrictRecords(ctx: DeskContext, caller: Caller, requestId: string, input: RestrictionInput): Promise<Restriction[]> {
  officerGate(ctx, caller, requestId);
  const done = answerOf(z.array(Restriction), await ask(ctx, caller, 'POST', path(requestId, '/restrictions'), input));
  appendAudit(ctx.db, ctx.clock, { actor: caller.session.user.id, action: 'subject.restrict', subject: requestId, details: { records: done.map((r) => `${r.source}:${r.recordId}`).join(',') } });
  return done;
}

export async function liftRestriction(ctx: DeskContext, caller: Caller, requestId: string, restrictionId: string, reason: string): Promise<Restriction> {
  officerGate(ctx, caller, requestId);
  const done = answerOf(Restriction, await ask(ctx, caller, 'POST', path(requestId, `/restrictions/${restrictionId}/lift`), { reason }));
  appendAudit(ctx.db, ctx.clock, { actor: caller.session.user.id, action: 'subject.lift', subject: requestId, details: { restriction: restrictionId } });
  return done;
}

export async function recordObjection(ctx: DeskContext, caller: Caller, requestId: string, input: ObjectionInput): Promise<Objection> {
  officerGate(ctx, caller, requestId);
  const done = answerOf(Objection, await ask(ctx, caller, 'POST', path(requestId, '/objections'), input));
  appendAudit(ctx.db, ctx.clock, { actor: caller.session.user.id, action: 'subject.object', subject: requestId, details: { scope: done.scope, decision: done.decision, restrictedRequests: done.restrictedRequests } });
  return done;
}
