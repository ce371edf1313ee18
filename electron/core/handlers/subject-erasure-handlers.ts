import type { subjectErasureChannels } from '../../../shared/channels/subject-erasure-channels';
import type { DeskContext } from '../desk-context';
import { writeErasureConfirmation } from '../officer/erasure-confirmation';
import { executeErasure, readErasure } from '../officer/subject-erasure';
import type { HandlersFor } from './handler-types';

export function subjectErasureHandlers(ctx: DeskContext): HandlersFor<typeof subjectErasureChannels> {
  return {
    'subject.erasure': (input, caller) => readErasure(ctx, caller, input.requestId),
    'subject.erase': (input, caller) => executeErasure(ctx, caller, input.requestId),
    'subject.confirmation': (input, caller) => writeErasureConfirmation(ctx, caller, input.requestId),
  };
}
