// Issue 17 part 5 over the same DeskApi: Berichtigung, Einschränkung (and lifting) and Widerspruch
// on a dpo case, kept at the backend. Never reads window.api.
import type { DeskApi } from '../../../shared/api';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';

export type RectifyChanges = ChannelInput<'subject.rectify'>['changes'];
export type ObjectionDraft = ChannelInput<'subject.object'>['objection'];

export interface SubjectRightsService {
  read(requestId: string): Promise<ChannelOutput<'subject.rights'>>;
  rectify(requestId: string, targetId: string, changes: RectifyChanges): Promise<ChannelOutput<'subject.rectify'>>;
  restrict(requestId: string, hitIds: string[], reason: string): Promise<ChannelOutput<'subject.restrict'>>;
  lift(requestId: string, restrictionId: string, reason: string): Promise<ChannelOutput<'subject.lift'>>;
  object(requestId: string, objection: ObjectionDraft): Promise<ChannelOutput<'subject.object'>>;
}

export function createSubjectRightsService(api: DeskApi): SubjectRightsService {
  return {
    read: (requestId) => api.invoke('subject.rights', { requestId }),
    rectify: (requestId, targetId, changes) => api.invoke('subject.rectify', { requestId, targetId, changes }),
    restrict: (requestId, hitIds, reason) => api.invoke('subject.restrict', { requestId, hitIds, reason }),
    lift: (requestId, restrictionId, reason) => api.invoke('subject.lift', { requestId, restrictionId, reason }),
    object: (requestId, objection) => api.invoke('subject.object', { requestId, objection }),
  };
}
