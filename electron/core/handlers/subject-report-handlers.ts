import type { subjectReportChannels } from '../../../shared/channels/subject-report-channels';
import type { DeskContext } from '../desk-context';
import { markSubjectReportSent, produceSubjectReport, readReportFiles } from '../officer/subject-report';
import { officerGate } from '../officer/subject-requests';
import type { HandlersFor } from './handler-types';

export function subjectReportHandlers(ctx: DeskContext): HandlersFor<typeof subjectReportChannels> {
  return {
    'subject.report.read': (input, caller) => {
      officerGate(ctx, caller, input.requestId);
      return readReportFiles(ctx.db, ctx.options.dataDir, input.requestId);
    },
    'subject.report.produce': (input, caller) => produceSubjectReport(ctx, caller, input.requestId),
    'subject.report.sent': (input, caller) => markSubjectReportSent(ctx, caller, input.requestId, input.sentOn),
  };
}
