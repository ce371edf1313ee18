// One way every data-subject-request endpoint (issue 17) answers: authenticate, parse the body with
// its shared schema (400 with the issues), run the lifecycle step for the case in the path, and turn
// its outcome into a reply: the value, a 400 for an input the step found invalid, or the refusal's
// reply from the endpoint's own table (the case gate's four are common to all).
import { type z } from 'zod';
import { failure, ok, type Reply } from '../http/reply';
import { type CallContext } from '../http/router';
import { type Caller } from '../lifecycle/caller';
import { authenticate } from './auth';
import { type ApiDeps } from './deps';
import { describeIssues } from './validation';

export type SubjectOutcome<T, R extends string> = { status: 'ok'; value: T } | { status: 'invalid'; detail: string } | { status: R };

/** The refusals of `heldSubjectCase` and the marking check, which every step goes through first. */
export const CASE_GATE_REFUSALS = {
  not_found: failure(404, 'not_found', 'No such request.'),
  forbidden: failure(403, 'forbidden', 'Only the data-protection officer works data-subject requests, and only on dpo cases.'),
  not_owner: failure(409, 'not_owner', 'Only the workstation that holds the claim may do this.'),
  not_marked: failure(409, 'invalid_request', 'The case is not marked as a data-subject request.', { reason: 'not_marked' }),
} as const;

/** A 409 whose `reason` the desk maps to its German message. */
export const refusedBecause = (reason: string, detail: string): Reply => failure(409, 'invalid_request', detail, { reason });

export async function subjectCall<S extends z.ZodType, T, R extends string>(
  deps: ApiDeps,
  ctx: CallContext,
  schema: S | null,
  refusals: Record<R, Reply>,
  // The refusals' table names every refusal the step may return (R is read from the table only).
  run: (caller: Caller, caseId: string, input: z.output<S>) => Promise<SubjectOutcome<T, NoInfer<R>>>,
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
  if (outcome.status === 'ok') return ok((outcome as { value: T }).value);
  if (outcome.status === 'invalid') return failure(400, 'invalid_request', (outcome as { detail: string }).detail);
  return refusals[outcome.status as R];
}
