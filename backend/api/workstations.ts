// GET /api/v1/workstations and POST /api/v1/workstations/{id}/retire (issue 16, item 5): the
// supervisors' view of the service center's workstations, and retiring one that will not come back.
import { RetireWorkstationRequest, SelfTestReport, type WorkstationList } from '../../shared/workstations';
import { failure, ok, type Reply } from '../http/reply';
import { type CallContext } from '../http/router';
import { listWorkstations, recordSelfTest, retireWorkstation } from '../lifecycle/workstation-registry';
import { berlinDay, dayToIsoDate } from '../time';
import { authenticate } from './auth';
import { type ApiDeps } from './deps';
import { describeIssues } from './validation';

const today = (now: Date) => dayToIsoDate(berlinDay(now.getTime()));

export async function getWorkstations(deps: ApiDeps, ctx: CallContext): Promise<Reply> {
  const auth = await authenticate(deps.db, ctx.headers, ctx.now);
  if (!auth.ok) return auth.reply;
  if (!auth.caller.user.roles.includes('supervisor')) return failure(403, 'forbidden', 'Only supervisors see the workstations.');
  const body: WorkstationList = { workstations: await listWorkstations(deps.db, today(ctx.now)) };
  return ok(body);
}

export async function postRetireWorkstation(deps: ApiDeps, ctx: CallContext): Promise<Reply> {
  const auth = await authenticate(deps.db, ctx.headers, ctx.now);
  if (!auth.ok) return auth.reply;
  const parsed = RetireWorkstationRequest.safeParse(ctx.body);
  if (!parsed.success) return failure(400, 'invalid_request', describeIssues(parsed.error));
  const outcome = await retireWorkstation(deps.db, auth.caller, (ctx.params[0] ?? '').toLowerCase(), parsed.data.reason, ctx.now, today(ctx.now));
  switch (outcome.status) {
    case 'ok':
      return ok(outcome.result);
    case 'forbidden':
      return failure(403, 'forbidden', 'Only supervisors retire workstations.');
    case 'own_workstation':
      return failure(409, 'invalid_request', 'A workstation is not retired from itself; do it from another one.');
    case 'not_found':
      return failure(404, 'not_found', 'No such workstation.');
    case 'already_retired':
      return failure(409, 'invalid_request', 'This workstation is retired already.');
  }
}

/** POST /api/v1/self-test: the caller's workstation reports its latest deletion self-test. */
export async function postSelfTest(deps: ApiDeps, ctx: CallContext): Promise<Reply> {
  const auth = await authenticate(deps.db, ctx.headers, ctx.now);
  if (!auth.ok) return auth.reply;
  const parsed = SelfTestReport.safeParse(ctx.body);
  if (!parsed.success) return failure(400, 'invalid_request', describeIssues(parsed.error));
  const outcome = await recordSelfTest(deps.db, auth.caller.workstation, parsed.data, ctx.now);
  if (outcome === 'future') return failure(400, 'invalid_request', 'at lies in the future.');
  return ok({ status: outcome });
}
