// The Löschung of a data-subject request (issue 17): GET /api/v1/requests/{id}/subject-request/erasure
// (the plan, or the erasure done with its receipts per workstation) and POST …/erasure (execute the
// plan the officer confirmed). Only the dpo holding the marked case, like the Find.
import { ErasureConfirmation } from '../../shared/subject-erasure';
import { failure, ok, type Reply } from '../http/reply';
import { type CallContext } from '../http/router';
import { executeErasure, readErasure, type ErasureOutcome } from '../lifecycle/subject-erasure';
import { authenticate } from './auth';
import { type ApiDeps } from './deps';
import { describeIssues } from './validation';

function reply(outcome: ErasureOutcome): Reply {
  switch (outcome.status) {
    case 'ok':
      return ok(outcome.value);
    case 'not_found':
      return failure(404, 'not_found', 'No such request.');
    case 'forbidden':
      return failure(403, 'forbidden', 'Only the data-protection officer works data-subject requests, and only on dpo cases.');
    case 'not_owner':
      return failure(409, 'not_owner', 'Only the workstation that holds the claim may do this.');
    case 'not_marked':
      return failure(409, 'invalid_request', 'The case is not marked as a data-subject request.', { reason: 'not_marked' });
    case 'already_erased':
      return failure(409, 'invalid_request', 'This case already has its erasure; a new search belongs to a new case.', { reason: 'already_erased' });
    case 'not_erasure':
      return failure(409, 'invalid_request', 'Only a request marked as an erasure (Art. 17 GDPR) is erased.', { reason: 'not_erasure' });
    case 'nothing_included':
      return failure(409, 'invalid_request', 'No hit of the Find is included: there is nothing to erase.', { reason: 'nothing_included' });
  }
}

export async function getSubjectErasure(deps: ApiDeps, ctx: CallContext): Promise<Reply> {
  const auth = await authenticate(deps.db, ctx.headers, ctx.now);
  if (!auth.ok) return auth.reply;
  return reply(await readErasure(deps.db, auth.caller, (ctx.params[0] ?? '').toLowerCase(), ctx.now));
}

export async function postSubjectErasure(deps: ApiDeps, ctx: CallContext): Promise<Reply> {
  const auth = await authenticate(deps.db, ctx.headers, ctx.now);
  if (!auth.ok) return auth.reply;
  const parsed = ErasureConfirmation.safeParse(ctx.body);
  if (!parsed.success) return failure(400, 'invalid_request', describeIssues(parsed.error));
  return reply(await executeErasure(deps.db, auth.caller, (ctx.params[0] ?? '').toLowerCase(), ctx.now));
}
