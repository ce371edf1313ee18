// Retentions over one year wait for a supervisor (issue 16, item 3): the backend keeps such a case
// for one year only until a supervisor other than the person who closed it confirms the date asked
// for or a shorter one. Read from and decided at the backend; this workstation audits the decision
// (ids and dates only).
import { PendingRetentionList, RetentionDecisionResponse } from '../../../shared/retained';
import { appendAudit } from '../audit/audit-log';
import type { DeskContext } from '../desk-context';
import { DeskError } from '../desk-error';
import type { Caller } from '../handlers/handler-types';
import { askBackend, parsedAnswer } from '../sync/backend-ask';

const OFFLINE = 'Keine Verbindung zum Backend: Lange Aufbewahrungen werden dort entschieden. Bitte später erneut versuchen.';

export async function pendingLongRetentions(ctx: DeskContext, caller: Caller) {
  const answer = await askBackend(ctx, caller, { method: 'GET', path: '/retentions/pending', offline: OFFLINE });
  if (answer.status === 403) throw new DeskError('forbidden', 'Lange Aufbewahrungen entscheidet die Leitung.');
  return parsedAnswer(PendingRetentionList, answer, 'Lange Aufbewahrungen').retentions;
}

export async function decideLongRetention(ctx: DeskContext, caller: Caller, input: { requestId: string; until: string }) {
  const answer = await askBackend(ctx, caller, { method: 'POST', path: `/requests/${input.requestId}/retention-decision`, body: { until: input.until }, offline: OFFLINE });
  if (answer.status === 403) throw new DeskError('forbidden', 'Lange Aufbewahrungen entscheidet die Leitung.');
  if (answer.status === 404) throw new DeskError('not_found', 'Den Vorgang kennt das Backend nicht (mehr).');
  if (answer.status === 409) {
    throw new DeskError('conflict', 'Vier Augen: Über eine Aufbewahrung entscheidet eine andere Person als die, die den Fall abgeschlossen hat – oder sie ist bereits entschieden.');
  }
  if (answer.status === 400) throw new DeskError('invalid_input', 'Das Datum muss zwischen heute und dem beantragten Datum liegen.');
  const result = parsedAnswer(RetentionDecisionResponse, answer, 'Aufbewahrung');
  appendAudit(ctx.db, ctx.clock, { actor: caller.session.user.id, action: 'retention.long_decided', subject: input.requestId, details: { until: result.retainedUntil } });
  ctx.emit('sync');
  return result;
}
