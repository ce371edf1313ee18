import type { syncChannels } from '../../../shared/channels/sync-channels';
import type { SyncReport } from '../../../shared/views';
import { readState, STATE_KEYS } from '../db/state';
import type { DeskContext } from '../desk-context';
import { queueExpiryClose } from '../queue/request-actions';
import { deskStatus } from '../status';
import { storageProblem } from '../storage-problem';
import { runSync } from '../sync/sync-run';
import type { Caller, HandlersFor } from './handler-types';

/** A full sync as the logged-in user; its outcome is also kept for `sync.state`. */
export async function syncNow(ctx: DeskContext, caller: Caller): Promise<SyncReport> {
  try {
    return await ctx.serial(() =>
      runSync(ctx.feedContext(caller), ctx.clientFor(caller), {
        expireOwnedCallback: (id) => queueExpiryClose({ db: ctx.db, clock: ctx.clock }, id),
        pulled: () => ctx.emit('queue'),
      }),
    );
  } catch (error) {
    throw storageProblem(error, 'Die Synchronisierung') ?? ctx.translate(error);
  } finally {
    ctx.emit('queue', 'sync');
  }
}

export function syncHandlers(ctx: DeskContext): HandlersFor<typeof syncChannels> {
  return {
    'sync.now': (_input, caller) => syncNow(ctx, caller),
    'sync.state': () => ({
      lastSyncAt: readState(ctx.db, STATE_KEYS.lastSyncAt),
      caughtUp: readState(ctx.db, STATE_KEYS.caughtUpAt) !== null,
      lastError: readState(ctx.db, STATE_KEYS.lastSyncError),
      status: deskStatus(ctx.db),
    }),
  };
}
