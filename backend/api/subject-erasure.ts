// The Löschung of a data-subject request (issue 17): GET /api/v1/requests/{id}/subject-request/erasure
// (the plan, or the erasure done with its receipts per workstation) and POST …/erasure (execute the
// plan the officer confirmed). Only the dpo holding the marked case, like the Find.
import { ErasureConfirmation } from '../../shared/subject-erasure';
import { type CallContext } from '../http/router';
import { executeErasure, readErasure } from '../lifecycle/subject-erasure';
import { type ApiDeps } from './deps';
import { CASE_GATE_REFUSALS, refusedBecause, subjectCall } from './subject-call';

const REFUSALS = {
  ...CASE_GATE_REFUSALS,
  already_erased: refusedBecause('already_erased', 'This case already has its erasure; a new search belongs to a new case.'),
  not_erasure: refusedBecause('not_erasure', 'Only a request marked as an erasure (Art. 17 GDPR) is erased.'),
  nothing_included: refusedBecause('nothing_included', 'No hit of the Find is included: there is nothing to erase.'),
};

export const getSubjectErasure = (deps: ApiDeps, ctx: CallContext) => subjectCall(deps, ctx, null, REFUSALS, (caller, id) => readErasure(deps.db, caller, id, ctx.now));

export const postSubjectErasure = (deps: ApiDeps, ctx: CallContext) => subjectCall(deps, ctx, ErasureConfirmation, REFUSALS, (caller, id) => executeErasure(deps.db, caller, id, ctx.now));
