// The Auskunft of a data subject's request (issue 17, part 3): POST …/subject-request/report
// assembles it from the included hits and records that it was produced; GET …/report reads that
// record; POST …/report/sent records the day it went to the person. Only the dpo holding the case.
import { type z } from 'zod';
import { SubjectReportSent } from '../../shared/subject-report';
import { failure, ok, type Reply } from '../http/reply';
import { type CallContext } from '../http/router';
import { markSubjectReportSent, produceSubjectReport, readSubjectReportState, type ReportOutcome, type ReportRefusal } from '../lifecycle/subject-report';
import { authenticate } from './auth';
import { type ApiDeps } from './deps';
import { describeIssues } from './validation';
import { type Caller } from '../lifecycle/caller';

function refusal(status: ReportRefusal): Reply {
  switch (status) {
    case 'not_found':
      return failure(404, 'not_found', 'No such request.');
    case 'forbidden':
      return failure(403, 'forbidden', 'Only the data-protection officer works data-subject requests, and only on dpo cases.');
    case 'not_owner':
      return failure(409, 'not_owner', 'Only the workstation that holds the claim may do this.');
    case 'not_marked':
      return failure(409, 'invalid_request', 'The case is not marked as a data-subject request.', { reason: 'not_marked' });
    case 'not_report_type':
      return failure(409, 'invalid_request', 'Only an access (Art. 15) or portability (Art. 20) request is answered with the person`s data.', { reason: 'not_report_type' });
    case 'nothing_included':
      return failure(409, 'invalid_request', 'No hit of this case is included: include the person`s records first.', { reason: 'nothing_included' });
    case 'already_sent':
      return failure(409, 'invalid_request', 'The Auskunft was marked as sent already; its proof period runs from that day.', { reason: 'already_sent' });
    case 'not_produced':
      return failure(409, 'invalid_request', 'No Auskunft was produced for this case yet.', { reason: 'not_produced' });
  }
}

async function handle<S extends z.ZodType, T>(deps: ApiDeps, ctx: CallContext, schema: S | null, run: (caller: Caller, requestId: string, input: z.output<S>) => Promise<ReportOutcome<T>>): Promise<Reply> {
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

export const postSubjectReport = (deps: ApiDeps, ctx: CallContext) => handle(deps, ctx, null, (caller, id) => produceSubjectReport(deps.db, caller, id, ctx.now));

export const getSubjectReport = (deps: ApiDeps, ctx: CallContext) => handle(deps, ctx, null, (caller, id) => readSubjectReportState(deps.db, caller, id));

export const postSubjectReportSent = (deps: ApiDeps, ctx: CallContext) => handle(deps, ctx, SubjectReportSent, (caller, id, input) => markSubjectReportSent(deps.db, caller, id, input.sentOn, ctx.now));
