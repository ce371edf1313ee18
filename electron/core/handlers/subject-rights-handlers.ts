import type { subjectRightsChannels } from '../../../shared/channels/subject-rights-channels';
import type { DeskContext } from '../desk-context';
import { liftRestriction, readSubjectRights, recordObjection, rectifyRequest, restrictRecords } from '../officer/subject-rights';
import type { HandlersFor } from './handler-types';

export function subjectRightsHandlers(ctx: DeskContext): HandlersFor<typeof subjectRightsChannels> {
  return {
    'subject.rights': (input, caller) => readSubjectRights(ctx, caller, input.requestId),
    'subject.rectify': (input, caller) => rectifyRequest(ctx, caller, input.requestId, { targetId: input.targetId, changes: input.changes }),
    'subject.restrict': (input, caller) => restrictRecords(ctx, caller, input.requestId, { hitIds: input.hitIds, reason: input.reason }),
    'subject.lift': (input, caller) => liftRestriction(ctx, caller, input.requestId, input.restrictionId, input.reason),
    'subject.object': (input, caller) => recordObjection(ctx, caller, input.requestId, input.objection),
  };
}
