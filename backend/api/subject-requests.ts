// Data-subject requests (issue 17): GET/POST /api/v1/requests/{id}/subject-request (read, mark,
// identity, extend, informed), POST …/subject-request/search (the Find) and
// POST …/subject-request/decisions (include or exclude a hit). Only the dpo holding the case.
import { type z } from 'zod';
import { HitDecisionInput, SubjectRequestChange, SubjectSearchQuery } from '../../shared/subject-requests';
import { failure, ok, type Reply } from '../http/reply';
import { type CallContext } from '../http/router';
import { decideHit, searchSubject } from '../lifecycle/subject-find';
import { changeSubjectRequest, readSubjectRequest } from '../lifecycle/subject-requests';
import { authenticate } from './auth';
import { type ApiDeps } from './deps';
import { describeIssues } from './validation';

type Refusal = 'not_found' | 'forbidden' | 'not_owner' | 'not_marked' | 'already_extended' | 'not_extended' | 'unknown_hit';

function refusal(status: Refusal): Reply {
  switch (status) {
    case 'not_found':
      return failure(404, 'not_found', 'No such request.');
    case 'forbidden':
      return failure(403, 'forbidden', 'Only the data-protection officer works data-subject requests, and only on dpo cases.');
    case 'not_owner':
      return failure(409, 'not_owner', 'Only the workstation that holds the claim may do this.');
    case 'not_marked':
      return failure(409, 'invalid_request', 'The case is not marked as a data-subject request.', { reason: 'not_marked' });
    case 'already_extended':
      return failure(409, 'invalid_request', 'The deadline was extended already; Art. 12(3) GDPR allows one extension.', { reason: 'already_extended' });
    case 'not_extended':
      return failure(409, 'invalid_request', 'The deadline was not extended.', { reason: 'not_extended' });
    case 'unknown_hit':
      return failure(404, 'not_found', 'No search of this case found this hit.');
  }
}

async function handle<S extends z.ZodType, T>(
  deps: ApiDeps,
  ctx: CallContext,
  schema: S | null,
  run: (caller: Parameters<typeof readSubjectRequest>[1], requestId: string, input: z.output<S>) => Promise<{ status: 'ok'; value: T } | { status: Refusal } | { status: 'invalid'; detail: string }>,
): Promise<Reply> {
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
  return refusal(outcome.status);
}

const asValue = <T>(o: { status: 'ok'; record: T } | { status: Refusal } | { status: 'invalid'; detail: string }) => (o.status === 'ok' ? { status: 'ok' as const, value: o.record } : o);

export const getSubjectRequest = (deps: ApiDeps, ctx: CallContext) => handle(deps, ctx, null, async (caller, id) => asValue(await readSubjectRequest(deps.db, caller, id)));

export const postSubjectRequest = (deps: ApiDeps, ctx: CallContext) =>
  handle(deps, ctx, SubjectRequestChange, async (caller, id, change) => asValue(await changeSubjectRequest(deps.db, caller, id, change, ctx.now)));

export const postSubjectSearch = (deps: ApiDeps, ctx: CallContext) => handle(deps, ctx, SubjectSearchQuery, (caller, id, query) => searchSubject(deps.db, caller, id, query, ctx.now));

export const postHitDecision = (deps: ApiDeps, ctx: CallContext) => handle(deps, ctx, HitDecisionInput, (caller, id, input) => decideHit(deps.db, caller, id, input, ctx.now));
