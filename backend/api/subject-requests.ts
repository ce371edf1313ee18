// Data-subject requests (issue 17): GET/POST /api/v1/requests/{id}/subject-request (read, mark,
// identity, extend, informed), POST …/subject-request/search (the Find) and
// POST …/subject-request/decisions (include or exclude a hit). Only the dpo holding the case.
import { HitDecisionInput, SubjectRequestChange, SubjectSearchQuery } from '../../shared/subject-requests';
import { failure } from '../http/reply';
import { type CallContext } from '../http/router';
import { decideHit, searchSubject } from '../lifecycle/subject-find';
import { changeSubjectRequest, readSubjectRequest } from '../lifecycle/subject-requests';
import { type ApiDeps } from './deps';
import { CASE_GATE_REFUSALS, refusedBecause, subjectCall } from './subject-call';

const REFUSALS = {
  ...CASE_GATE_REFUSALS,
  already_extended: refusedBecause('already_extended', 'The deadline was extended already; Art. 12(3) GDPR allows one extension.'),
  not_extended: refusedBecause('not_extended', 'The deadline was not extended.'),
  unknown_hit: failure(404, 'not_found', 'No search of this case found this hit.'),
};

/** The marking's steps answer with `record`; the common call wants `value`. */
const asValue = (o: Awaited<ReturnType<typeof readSubjectRequest>> | Awaited<ReturnType<typeof changeSubjectRequest>>) => (o.status === 'ok' ? { status: 'ok' as const, value: o.record } : o);

export const getSubjectRequest = (deps: ApiDeps, ctx: CallContext) => subjectCall(deps, ctx, null, REFUSALS, async (caller, id) => asValue(await readSubjectRequest(deps.db, caller, id)));

export const postSubjectRequest = (deps: ApiDeps, ctx: CallContext) =>
  subjectCall(deps, ctx, SubjectRequestChange, REFUSALS, async (caller, id, change) => asValue(await changeSubjectRequest(deps.db, caller, id, change, ctx.now)));

export const postSubjectSearch = (deps: ApiDeps, ctx: CallContext) => subjectCall(deps, ctx, SubjectSearchQuery, REFUSALS, (caller, id, query) => searchSubject(deps.db, caller, id, query, ctx.now));

export const postHitDecision = (deps: ApiDeps, ctx: CallContext) => subjectCall(deps, ctx, HitDecisionInput, REFUSALS, (caller, id, input) => decideHit(deps.db, caller, id, input, ctx.now));
