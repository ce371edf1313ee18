import type { portalChannels } from '../../../shared/channels/portal-channels';
import type { DeskContext } from '../desk-context';
import { lookupPortal } from '../portal/lookup';
import { requireCaughtUp } from '../sync/caught-up';
import type { HandlersFor } from './handler-types';

export function portalHandlers(ctx: DeskContext): HandlersFor<typeof portalChannels> {
  return {
    'portal.lookup': (input, caller) => {
      // Never from a half-synced copy: an empty answer would read as "no misuse".
      requireCaughtUp(ctx.db);
      return lookupPortal(ctx.db, ctx.clock, caller.session.user.id, input);
    },
  };
}
