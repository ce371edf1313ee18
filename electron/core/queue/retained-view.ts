// Reading a retained case again (issue 16, item 3). The backend keeps it until `until`; this
// workstation asks for it with the reason the person stated and hands the answer to the screen
// only: it is never written to this workstation's disk. The audit chain here records that it was
// asked and the answer, without the reason (free text may name people; the backend keeps it).
import { kindsWorkableBy } from '../../../shared/domain';
import { RetainedViewResponse } from '../../../shared/retained';
import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit/audit-log';
import { requests } from '../db/schema';
import type { DeskContext } from '../desk-context';
import { DeskError } from '../desk-error';
import type { Caller } from '../handlers/handler-types';
import { BackendUnreachableError } from '../sync/backend-client';
import { INTERACTIVE_RETRY } from '../sync/retry-policy';
import { SessionExpiredError } from '../sync/sync-errors';

const OFFLINE = 'Keine Verbindung zum Backend: Aufbewahrte Fälle liegen nur dort. Bitte später erneut versuchen.';

export async function viewRetainedCase(ctx: DeskContext, caller: Caller, input: { requestId: string; reason: string }): Promise<RetainedViewResponse> {
  const roles = caller.session.user.roles;
  const local = ctx.db.select({ kind: requests.kind }).from(requests).where(eq(requests.id, input.requestId)).get();
  const audit = (outcome: string) =>
    appendAudit(ctx.db, ctx.clock, { actor: caller.session.user.id, action: outcome === 'shown' ? 'retained.view' : 'retained.view_refused', subject: input.requestId, details: { outcome } });
  if (local && !kindsWorkableBy(roles).includes(local.kind)) {
    audit('forbidden');
    throw new DeskError('forbidden', 'Diesen aufbewahrten Fall dürfen Sie mit Ihrer Rolle nicht einsehen.');
  }
  const answer = await ctx
    .serial(() => ctx.clientFor(caller).call('POST', `/requests/${input.requestId}/retained-view`, { reason: input.reason }, INTERACTIVE_RETRY))
    .catch((error: unknown) => {
      throw error instanceof BackendUnreachableError ? new DeskError('backend_unreachable', OFFLINE) : ctx.translate(error);
    });
  if (answer.status === 401) throw ctx.translate(new SessionExpiredError());
  if (answer.status === 403) {
    audit('forbidden');
    throw new DeskError('forbidden', 'Diesen aufbewahrten Fall dürfen Sie mit Ihrer Rolle nicht einsehen.');
  }
  if (answer.status === 404) {
    audit('not_retained');
    throw new DeskError('not_found', 'Von diesem Vorgang wird nichts (mehr) aufbewahrt.');
  }
  if (answer.status === 400) throw new DeskError('invalid_input', 'Bitte den Grund nennen (mindestens 5 Zeichen).');
  const parsed = answer.status === 200 ? RetainedViewResponse.safeParse(answer.body) : null;
  if (!parsed?.success) throw new DeskError('backend_unreachable', `Aufbewahrter Fall: unerwartete Antwort des Backends (HTTP ${answer.status}).`);
  audit('shown');
  return parsed.data;
}
