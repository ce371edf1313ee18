import type { smsChannels } from '../../../shared/channels/sms-channels';
import type { DeskContext } from '../desk-context';
import { lookupSms } from '../sms/lookup';
import { requireCaughtUp } from '../sync/caught-up';
import type { HandlersFor } from './handler-types';

export function smsHandlers(ctx: DeskContext): HandlersFor<typeof smsChannels> {
  return {
    'sms.lookup': (input, caller) => {
      requireCaughtUp(ctx.db);
      return lookupSms(ctx.db, ctx.clock, caller.session.user.id, input);
    },
  };
}
