// The Auskunft of a data subject's request (issue 17, part 3): POST …/subject-request/report
// assembles it from the included hits and records that it was produced; GET …/report reads that
// record; POST …/report/sent records the day it went to the person. Only the dpo holding the case.
import { SubjectReportSent } from '../../shared/subject-report';
import { type CallContext } from '../http/router';
import { markSubjectReportSent, produceSubjectReport, readSubjectReportState } from '../lifecycle/subject-report';
import { type ApiDeps } from './deps';
import { CASE_GATE_REFUSALS, refusedBecause, subjectCall } from './subject-call';

const REFUSALS = {
  ...CASE_GATE_REFUSALS,
  not_report_type: refusedBecause('not_report_type', 'Only an access (Art. 15) or portability (Art. 20) request is answered with the person`s data.'),
  nothing_included: refusedBecause('nothing_included', 'No hit of this case is included: include the person`s records first.'),
  already_sent: refusedBecause('already_sent', 'The Auskunft was marked as sent already; its proof period runs from that day.'),
  not_produced: refusedBecause('not_produced', 'No Auskunft was produced for this case yet.'),
};

export const postSubjectReport = (deps: ApiDeps, ctx: CallContext) => subjectCall(deps, ctx, null, REFUSALS, (caller, id) => produceSubjectReport(deps.db, caller, id, ctx.now));

export const getSubjectReport = (deps: ApiDeps, ctx: CallContext) => subjectCall(deps, ctx, null, REFUSALS, (caller, id) => readSubjectReportState(deps.db, caller, id));

export const postSubjectReportSent = (deps: ApiDeps, ctx: CallContext) =>
  subjectCall(deps, ctx, SubjectReportSent, REFUSALS, (caller, id, input) => markSubjectReportSent(deps.db, caller, id, input.sentOn, ctx.now));
