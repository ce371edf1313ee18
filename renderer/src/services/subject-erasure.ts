// The Löschung of a data subject's request (issue 17) over the same DeskApi: its plan or progress,
// executing it, and the Löschbestätigung. Never reads window.api.
import type { DeskApi } from '../../../shared/api';
import type { ChannelOutput } from '../../../shared/contract';

export interface SubjectErasureService {
  read(requestId: string): Promise<ChannelOutput<'subject.erasure'>>;
  erase(requestId: string): Promise<ChannelOutput<'subject.erase'>>;
  confirmation(requestId: string): Promise<ChannelOutput<'subject.confirmation'>>;
}

export function createSubjectErasureService(api: DeskApi): SubjectErasureService {
  return {
    read: (requestId) => api.invoke('subject.erasure', { requestId }),
    erase: (requestId) => api.invoke('subject.erase', { requestId, confirm: true }),
    confirmation: (requestId) => api.invoke('subject.confirmation', { requestId }),
  };
}
