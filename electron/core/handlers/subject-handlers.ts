import type { subjectChannels } from '../../../shared/channels/subject-channels';
import type { DeskContext } from '../desk-context';
import { changeSubjectRequest, decideSubjectHit, readSubjectRequest, searchSubject } from '../officer/subject-requests';
import type { HandlersFor } from './handler-types';

export function subjectHandlers(ctx: DeskContext): HandlersFor<typeof subjectChannels> {
  return {
    'subject.read': (input, caller) => readSubjectRequest(ctx, caller, input.requestId),
    'subject.change': (input, caller) => changeSubjectRequest(ctx, caller, input.requestId, input.change),
    'subject.search': (input, caller) => searchSubject(ctx, caller, input.requestId, input.query),
    'subject.decide': (input, caller) => decideSubjectHit(ctx, caller, input.requestId, { hitId: input.hitId, decision: input.decision, reason: input.reason }),
  };
}
