// Issue 17, part 5, under /api/v1/requests/{id}/subject-request: GET …/rights (what was done on
// the case), POST …/rectifications (Berichtigung), POST …/restrictions and
// POST …/restrictions/{restrictionId}/lift (Einschränkung), POST …/objections (Widerspruch).
// Only the dpo holding the case, on a case marked with the matching type.
import { type z } from 'zod';
import { ObjectionInput, RectificationInput, RestrictionInput, RestrictionLift } from '../../shared/subject-rights';
import { failure, ok, type Reply } from '../http/reply';
import { type CallContext } from '../http/router';
import { type Caller } from '../lifecycle/caller';
import { recordObjection } from '../lifecycle/subject-objection';
import { rectifyRequest } from '../lifecycle/subject-rectify';
import { liftRestriction, restrictHits } from '../lifecycle/subject-restrict';
import { readSubjectRights } from '../lifecycle/subject-rights-read';
import { type RightsOutcome, type RightsRefusal } from '../lifecycle/subject-rights-gate';
import { authenticate } from './auth';
import { type ApiDeps } from './deps';
import { describeIssues } from './validation';

const REFUSALS: Record<RightsRefusal, Reply> = {
  not_found: failure(404, 'not_found', 'No such request or record.'),
  forbidden: failure(403, 'forbidden', 'Only the data-protection officer works data-subject requests, and only on dpo cases.'),
  not_owner: failure(409, 'not_owner', 'Only the workstation that holds the claim may do this.'),
  not_marked: failure(409, 'invalid_request', 'The case is not marked as a data-subject request.', { reason: 'not_marked' }),
  wrong_type: failure(409, 'invalid_request', 'The case is marked as another type of data-subject request.', { reason: 'wrong_type' }),
  not_included: failure(409, 'invalid_request', 'Only records a search of this case found and the officer included.', { reason: 'not_included' }),
  no_personal_data: failure(409, 'invalid_request', 'The request holds no personal data any more.', { reason: 'no_personal_data' }),
  unknown_restriction: failure(404, 'not_found', 'This case made no such restriction.'),
  already_lifted: failure(409, 'invalid_request', 'The restriction was lifted already.', { reason: 'already_lifted' }),
};

async function handle<S extends z.ZodType, T>(deps: ApiDeps, ctx: CallContext, schema: S | null, run: (caller: Caller, caseId: string, input: z.output<S>) => Promise<RightsOutcome<T>>): Promise<Reply> {
  const auth = await authenticate(deps.db, ctx.headers, ctx.now);
  if (!auth.ok) return auth.reply;
  let input = undefined as z.output<S>;
  if (schema) {
    const parsed = schema.safeParse(ctx.body);
    if (!parsed.success) return failure(400, 'invalid_request', describeIssues(parsed.error));
    input = parsed.data;
  }
  const outcome = await run(auth.caller, (ctx.params[0] ?? '').toLowerCase(), input);
  if (outcome.status === 'ok') return ok(outcome.value);
  if (outcome.status === 'invalid') return failure(400, 'invalid_request', outcome.detail);
  return REFUSALS[outcome.status];
}

export const getSubjectRights = (deps: ApiDeps, ctx: CallContext) => handle(deps, ctx, null, (caller, id) => readSubjectRights(deps.db, caller, id));
export const postRectification = (deps: ApiDeps, ctx: CallContext) => handle(deps, ctx, RectificationInput, (caller, id, input) => rectifyRequest(deps.db, caller, id, input, ctx.now));
export const postRestriction = (deps: ApiDeps, ctx: CallContext) => handle(deps, ctx, RestrictionInput, (caller, id, input) => restrictHits(deps.db, caller, id, input, ctx.now));
export const postRestrictionLift = (deps: ApiDeps, ctx: CallContext) =>
  handle(deps, ctx, RestrictionLift, (caller, id, input) => liftRestriction(deps.db, caller, id, (ctx.params[1] ?? '').toLowerCase(), input, ctx.now));
export const postObjection = (deps: ApiDeps, ctx: CallContext) => handle(deps, ctx, ObjectionInput, (caller, id, input) => recordObjection(deps.db, caller, id, input, ctx.now));
