// The supervisors' view of the service center's workstations, read from the backend (issue 16,
// item 5): it is the backend that knows every workstation, when each was last in contact and
// which proofs of deletion it owes. Retiring one is decided there too; this workstation only asks,
// and audits that it asked (the reason stays at the backend: free text may name people).
import type { z } from 'zod';
import { ApiError } from '../../../shared/sync-api';
import { RetireWorkstationResponse, WorkstationList } from '../../../shared/workstations';
import { appendAudit } from '../audit/audit-log';
import type { DeskContext } from '../desk-context';
import { DeskError } from '../desk-error';
import type { Caller } from '../handlers/handler-types';
import { BackendUnreachableError } from '../sync/backend-client';
import { INTERACTIVE_RETRY } from '../sync/retry-policy';
import { SessionExpiredError } from '../sync/sync-errors';

const OFFLINE = 'Keine Verbindung zum Backend: Die Arbeitsplätze kennt nur das Backend. Bitte später erneut versuchen.';

async function ask(ctx: DeskContext, caller: Caller, method: 'GET' | 'POST', path: string, body?: unknown) {
  const answer = await ctx.serial(() => ctx.clientFor(caller).call(method, path, body, INTERACTIVE_RETRY)).catch((error: unknown) => {
    throw error instanceof BackendUnreachableError ? new DeskError('backend_unreachable', OFFLINE) : ctx.translate(error);
  });
  if (answer.status === 401) throw ctx.translate(new SessionExpiredError());
  return answer;
}

function parsed<T extends z.ZodType>(schema: T, answer: { status: number; body: unknown }, what: string): z.output<T> {
  const result = answer.status === 200 ? schema.safeParse(answer.body) : null;
  if (!result?.success) throw new DeskError('backend_unreachable', `${what}: unerwartete Antwort des Backends (HTTP ${answer.status}).`);
  return result.data;
}

export async function listWorkstations(ctx: DeskContext, caller: Caller) {
  const answer = await ask(ctx, caller, 'GET', '/workstations');
  if (answer.status === 403) throw new DeskError('forbidden', 'Die Arbeitsplätze sieht nur die Leitung.');
  return parsed(WorkstationList, answer, 'Arbeitsplätze').workstations.map((w) => ({ ...w, thisOne: w.id === caller.session.workstation }));
}

export async function retireWorkstation(ctx: DeskContext, caller: Caller, input: { workstation: string; reason: string }) {
  const answer = await ask(ctx, caller, 'POST', `/workstations/${input.workstation}/retire`, { reason: input.reason });
  const detail = ApiError.safeParse(answer.body).data?.detail;
  if (answer.status === 403) throw new DeskError('forbidden', 'Arbeitsplätze stilllegen darf nur die Leitung.');
  if (answer.status === 404) throw new DeskError('not_found', 'Diesen Arbeitsplatz kennt das Backend nicht.');
  if (answer.status === 409) {
    throw new DeskError(
      'conflict',
      input.workstation === caller.session.workstation ? 'Den eigenen Arbeitsplatz legt man nicht still: bitte von einem anderen Arbeitsplatz aus.' : 'Dieser Arbeitsplatz ist bereits stillgelegt.',
    );
  }
  if (answer.status === 400) throw new DeskError('invalid_input', `Das Backend hat die Stilllegung abgelehnt${detail ? `: ${detail}` : '.'}`);
  const result = parsed(RetireWorkstationResponse, answer, 'Stilllegung');
  appendAudit(ctx.db, ctx.clock, {
    actor: caller.session.user.id,
    action: 'workstation.retired',
    subject: input.workstation,
    details: { recordedAsRetired: result.recordedAsRetired, released: result.released },
  });
  return result;
}
