// The officer's side of data subjects' requests (issue 17): everything is decided and kept at the
// backend, the system of record, so a marking survives this workstation. This module asks for the
// dpo holding the case, applies the returned state locally at once (the feed brings it to the
// other dpo desks), and audits each step in this workstation's chain without any free text or
// search term: those are personal data, and stay at the backend.
import type { z } from 'zod';
import { ApiError } from '../../../shared/sync-api';
import { HitDecision, SubjectRequestRecord, SubjectSearchResult, type HitDecisionInput, type SubjectRequestChange, type SubjectSearchQuery } from '../../../shared/subject-requests';
import { appendAudit } from '../audit/audit-log';
import type { DeskContext } from '../desk-context';
import { DeskError } from '../desk-error';
import type { Caller } from '../handlers/handler-types';
import { BackendUnreachableError } from '../sync/backend-client';
import { INTERACTIVE_RETRY } from '../sync/retry-policy';
import { SessionExpiredError } from '../sync/sync-errors';
import { ownCaseKind } from './officer-cases';
import { applySubjectUpdate } from './subject-feed';

const OFFLINE = 'Keine Verbindung zum Backend: Betroffenenanträge werden dort geführt. Bitte später erneut versuchen.';

const REFUSALS: Record<string, string> = {
  not_marked: 'Der Vorgang ist nicht als Betroffenenantrag gekennzeichnet.',
  already_extended: 'Die Frist wurde bereits verlängert: Art. 12 Abs. 3 DSGVO erlaubt eine Verlängerung.',
  not_extended: 'Die Frist wurde nicht verlängert.',
};

export async function ask(ctx: DeskContext, caller: Caller, method: 'GET' | 'POST', path: string, body?: unknown) {
  const answer = await ctx.serial(() => ctx.clientFor(caller).call(method, path, body, INTERACTIVE_RETRY)).catch((error: unknown) => {
    throw error instanceof BackendUnreachableError ? new DeskError('backend_unreachable', OFFLINE) : ctx.translate(error);
  });
  if (answer.status === 401) throw ctx.translate(new SessionExpiredError());
  return answer;
}

export function refused(answer: { status: number; body: unknown }): DeskError {
  const error = ApiError.safeParse(answer.body).data;
  const reason = (answer.body as { reason?: unknown } | null)?.reason;
  if (answer.status === 403) return new DeskError('forbidden', 'Betroffenenanträge bearbeitet nur die Datenschutzbeauftragte.');
  if (answer.status === 404) return new DeskError('not_found', 'Der Vorgang oder Treffer ist beim Backend nicht (mehr) vorhanden.');
  if (answer.status === 409 && error?.error === 'not_owner') return new DeskError('conflict', 'Nur wer den Vorgang hier übernommen hat, kann ihn als Betroffenenantrag bearbeiten.');
  if (answer.status === 409 && typeof reason === 'string' && REFUSALS[reason]) return new DeskError('conflict', REFUSALS[reason]);
  if (answer.status === 400) return new DeskError('invalid_input', `Das Backend hat die Angaben abgelehnt${error?.detail ? `: ${error.detail}` : '.'}`);
  return new DeskError('backend_unreachable', `Unerwartete Antwort des Backends (HTTP ${answer.status}).`);
}

export function parsed<T extends z.ZodType>(schema: T, answer: { status: number; body: unknown }): z.output<T> {
  if (answer.status !== 200) throw refused(answer);
  const result = schema.safeParse(answer.body);
  if (!result.success) throw new DeskError('backend_unreachable', `Unerwartete Antwort des Backends (HTTP ${answer.status}).`);
  return result.data;
}

export const path = (requestId: string, tail = '') => `/requests/${requestId}/subject-request${tail}`;

export function officerGate(ctx: DeskContext, caller: Caller, requestId: string): void {
  if (ownCaseKind(ctx.db, caller.session.user, requestId) !== 'dpo') throw new DeskError('forbidden', 'Betroffenenanträge gibt es nur bei Fällen der Datenschutzbeauftragten.');
}

export async function readSubjectRequest(ctx: DeskContext, caller: Caller, requestId: string): Promise<SubjectRequestRecord | null> {
  officerGate(ctx, caller, requestId);
  const answer = await ask(ctx, caller, 'GET', path(requestId));
  if (answer.status === 409 && (answer.body as { reason?: unknown } | null)?.reason === 'not_marked') return null;
  return parsed(SubjectRequestRecord, answer);
}

export async function changeSubjectRequest(ctx: DeskContext, caller: Caller, requestId: string, change: SubjectRequestChange): Promise<SubjectRequestRecord> {
  officerGate(ctx, caller, requestId);
  const record = parsed(SubjectRequestRecord, await ask(ctx, caller, 'POST', path(requestId), change));
  applySubjectUpdate(ctx.db, caller.session.user.roles, record);
  const details: Record<string, string | number | null> = change.action === 'mark' ? { type: change.type } : change.action === 'extend' ? { months: change.months, until: record.extendedUntil } : {};
  appendAudit(ctx.db, ctx.clock, { actor: caller.session.user.id, action: `subject.${change.action}`, subject: requestId, details });
  ctx.emit('queue');
  return record;
}

export async function searchSubject(ctx: DeskContext, caller: Caller, requestId: string, query: SubjectSearchQuery): Promise<SubjectSearchResult> {
  officerGate(ctx, caller, requestId);
  const result = parsed(SubjectSearchResult, await ask(ctx, caller, 'POST', path(requestId, '/search'), query));
  // Which kinds of identifier and how many hits; never the terms (the backend keeps them as keyed hashes).
  appendAudit(ctx.db, ctx.clock, { actor: caller.session.user.id, action: 'subject.search', subject: requestId, details: { searchId: result.searchId, searchedBy: result.searchedBy.join(','), hits: result.hits.length } });
  return result;
}

export async function decideSubjectHit(ctx: DeskContext, caller: Caller, requestId: string, input: HitDecisionInput): Promise<HitDecision> {
  officerGate(ctx, caller, requestId);
  const decision = parsed(HitDecision, await ask(ctx, caller, 'POST', path(requestId, '/decisions'), input));
  appendAudit(ctx.db, ctx.clock, { actor: caller.session.user.id, action: 'subject.decide', subject: requestId, details: { hitId: input.hitId, decision: input.decision } });
  return decision;
}
