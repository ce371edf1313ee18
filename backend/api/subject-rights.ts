// Issue 17, part 5, under /api/v1/requests/{id}/subject-request: GET …/rights (what was done on
// the case), POST …/rectifications (Berichtigung), POST …/restrictions and
// POST …/restrictions/{restrictionId}/lift (Einschränkung), POST …/objections (Widerspruch).
// Only the dpo holding the case, on a case marked with the matching type.
import { ObjectionInput, RectificationInput, RestrictionInput, RestrictionLift } from '../../shared/subject-rights';
import { failure } from '../http/reply';
import { type CallContext } from '../http/router';
import { recordObjection } from '../lifecycle/subject-objection';
import { rectifyRequest } from '../lifecycle/subject-rectify';
import { liftRestriction, restrictHits } from '../lifecycle/subject-restrict';
import { readSubjectRights } from '../lifecycle/subject-rights-read';
import { type ApiDeps } from './deps';
import { CASE_GATE_REFUSALS, refusedBecause, subjectCall } from './subject-call';

const REFUSALS = {
  ...CASE_GATE_REFUSALS,
  not_found: failure(404, 'not_found', 'No such request or record.'),
  wrong_type: refusedBecause('wrong_type', 'The case is marked as another type of data-subject request.'),
  not_included: refusedBecause('not_included', 'Only records a search of this case found and the officer included.'),
  no_personal_data: refusedBecause('no_personal_data', 'The request holds no personal data any more.'),
  unknown_restriction: failure(404, 'not_found', 'This case made no such restriction.'),
  already_lifted: refusedBecause('already_lifted', 'The restriction was lifted already.'),
};

export const getSubjectRights = (deps: ApiDeps, ctx: CallContext) => subjectCall(deps, ctx, null, REFUSALS, (caller, id) => readSubjectRights(deps.db, caller, id));
export const postRectification = (deps: ApiDeps, ctx: CallContext) => subjectCall(deps, ctx, RectificationInput, REFUSALS, (caller, id, input) => rectifyRequest(deps.db, caller, id, input, ctx.now));
export const postRestriction = (deps: ApiDeps, ctx: CallContext) => subjectCall(deps, ctx, RestrictionInput, REFUSALS, (caller, id, input) => restrictHits(deps.db, caller, id, input, ctx.now));
export const postRestrictionLift = (deps: ApiDeps, ctx: CallContext) =>
  subjectCall(deps, ctx, RestrictionLift, REFUSALS, (caller, id, input) => liftRestriction(deps.db, caller, id, (ctx.params[1] ?? '').toLowerCase(), input, ctx.now));
export const postObjection = (deps: ApiDeps, ctx: CallContext) => subjectCall(deps, ctx, ObjectionInput, REFUSALS, (caller, id, input) => recordObjection(deps.db, caller, id, input, ctx.now));
