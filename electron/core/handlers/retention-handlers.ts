import type { retentionChannels } from '../../../shared/channels/retention-channels';
import type { SweepReport } from '../../../shared/views';
import type { DeskContext } from '../desk-context';
import { queueExpiryClose } from '../queue/request-actions';
import { sweepRetention } from '../retention/sweep';
import type { HandlersFor } from './handler-types';

export function runSweep(ctx: DeskContext): SweepReport {
  const report = sweepRetention(ctx.db, ctx.clock, { expireOwnedCallback: (id) => queueExpiryClose({ db: ctx.db, clock: ctx.clock }, id) });
  ctx.emit('queue', 'sync');
  return report;
}

export function retentionHandlers(ctx: DeskContext): HandlersFor<typeof retentionChannels> {
  return {
    'retention.sweep': () => runSweep(ctx),
  };
}
