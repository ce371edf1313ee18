// The supervisors' view of the service center's workstations, read from the backend (issue 16,
// item 5): it is the backend that knows every workstation, when each was last in contact and
// which proofs of deletion it owes. Retiring one is decided there too; this workstation only asks,
// and audits that it asked (the reason stays at the backend: free text may name people).
import { ApiError } from '../../../shared/sync-api';
import { RetireWorkstationResponse, WorkstationList } from '../../../shared/workstations';
import { appendAudit } from '../audit/audit-log';
import type { DeskContext } from '../desk-context';
import { DeskError } from '../desk-error';
import type { Caller } from '../handlers/handler-types';
import { askBackend, parsedAnswer } from '../sync/backend-ask';

const OFFLINE = 'Keine Verbindung zum Backend: Die Arbeitsplätze kennt nur das Backend. Bitte später erneut versuchen.';

export async function listWorkstations(ctx: DeskContext, caller: Caller) {
  const answer = await askBackend(ctx, caller, { method: 'GET', path: '/workstations', offline: OFFLINE });
  if (answer.status === 403) throw new DeskError('forbidden', 'Die Arbeitsplätze sieht nur die Leitung.');
  return parsedAnswer(WorkstationList, answer, 'Arbeitsplätze').workstations.map((w) => ({ ...w, thisOne: w.id === caller.session.workstation }));
}

export async function retireWorkstation(ctx: DeskContext, caller: Caller, input: { workstation: string; reason: string }) {
  const answer = await askBackend(ctx, caller, { method: 'POST', path: `/workstations/${input.workstation}/retire`, body: { reason: input.reason }, offline: OFFLINE });
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
  const result = parsedAnswer(RetireWorkstationResponse, answer, 'Stilllegung');
  appendAudit(ctx.db, ctx.clock, {
    actor: caller.session.user.id,
    action: 'workstation.retired',
    subject: input.workstation,
    details: { recordedAsRetired: result.recordedAsRetired, released: result.released },
  });
  return result;
}
