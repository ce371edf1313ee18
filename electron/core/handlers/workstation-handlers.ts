import type { workstationChannels } from '../../../shared/channels/workstation-channels';
import type { DeskContext } from '../desk-context';
import { decideLongRetention, pendingLongRetentions } from '../retention/long-retentions';
import { listWorkstations, retireWorkstation } from '../workstations/backend-workstations';
import type { HandlersFor } from './handler-types';

export function workstationHandlers(ctx: DeskContext): HandlersFor<typeof workstationChannels> {
  return {
    'workstations.list': (_input, caller) => listWorkstations(ctx, caller),
    'workstations.retire': async (input, caller) => {
      const result = await retireWorkstation(ctx, caller, input);
      ctx.emit('sync');
      return result;
    },
    'retention.longPending': (_input, caller) => pendingLongRetentions(ctx, caller),
    'retention.decideLong': (input, caller) => decideLongRetention(ctx, caller, input),
  };
}
