// Data subjects' requests (issue 17) over the same DeskApi: the case's marking, its extension and
// identity check, the Find at the backend and the decision on each hit. Never reads window.api.
import type { DeskApi } from '../../../shared/api';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';

export type SubjectChange = ChannelInput<'subject.change'>['change'];
export type SubjectQuery = ChannelInput<'subject.search'>['query'];

export interface SubjectRequestService {
  read(requestId: string): Promise<ChannelOutput<'subject.read'>>;
  change(requestId: string, change: SubjectChange): Promise<ChannelOutput<'subject.change'>>;
  search(requestId: string, query: SubjectQuery): Promise<ChannelOutput<'subject.search'>>;
  decide(requestId: string, hitId: string, decision: 'include' | 'exclude', reason: string): Promise<ChannelOutput<'subject.decide'>>;
  /** Part 3: the Auskunft's files on this workstation. */
  report(requestId: string): Promise<ChannelOutput<'subject.report.read'>>;
  produceReport(requestId: string): Promise<ChannelOutput<'subject.report.produce'>>;
  reportSent(requestId: string, sentOn: string): Promise<ChannelOutput<'subject.report.sent'>>;
}

export function createSubjectRequestService(api: DeskApi): SubjectRequestService {
  return {
    read: (requestId) => api.invoke('subject.read', { requestId }),
    change: (requestId, change) => api.invoke('subject.change', { requestId, change }),
    search: (requestId, query) => api.invoke('subject.search', { requestId, query }),
    decide: (requestId, hitId, decision, reason) => api.invoke('subject.decide', { requestId, hitId, decision, reason }),
    report: (requestId) => api.invoke('subject.report.read', { requestId }),
    produceReport: (requestId) => api.invoke('subject.report.produce', { requestId }),
    reportSent: (requestId, sentOn) => api.invoke('subject.report.sent', { requestId, sentOn }),
  };
}
