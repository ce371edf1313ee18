import type { syncChannels } from '../../../shared/channels/sync-channels';
import type { SyncReport } from '../../../shared/views';
import { readState, STATE_KEYS } from '../db/state';
import type { DeskContext } from '../desk-context';
import { queueExpiryClose } from '../queue/request-actions';
import { DeskError } from '../desk-error';
import { deskStatus } from '../status';
import { runSync } from '../sync/sync-run';
import type { Caller, HandlersFor } from './handler-types';

/** A full sync as the logged-in user; its outcome is also kept for `sync.state`. */
export async function syncNow(ctx: DeskContext, caller: Caller): Promise<SyncReport> {
  try {
    return await ctx.serial(() =>
      runSync(ctx.feedContext(caller), ctx.clientFor(caller), {
        expireOwnedCallback: (id) => queueExpiryClose({ db: ctx.db, clock: ctx.clock }, id),
      }),
    );
  } catch (error) {
    throw storageProblem(error) ?? ctx.translate(error);
  } finally {
    ctx.emit('queue', 'sync');
  }
}

/**
 * A full or read-only disk, said plainly. SQLite rolls the failed transaction back, so what was
 * committed before stays intact and the next sync resumes from the last committed cursor.
 */
export function storageProblem(error: unknown): DeskError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_FULL')) {
    return new DeskError('internal', 'Der Datenträger ist voll: Die Synchronisierung wurde abgebrochen, gespeicherte Daten sind unverändert. Bitte Speicherplatz freigeben und erneut synchronisieren.');
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code.startsWith('SQLITE_IOERR')) {
    return new DeskError('internal', 'Die Datenbank kann nicht geschrieben werden (schreibgeschützt oder Datenträgerfehler): Die Synchronisierung wurde abgebrochen, gespeicherte Daten sind unverändert. Bitte Schreibrechte und Datenträger prüfen.');
  }
  return null;
}

export function syncHandlers(ctx: DeskContext): HandlersFor<typeof syncChannels> {
  return {
    'sync.now': (_input, caller) => syncNow(ctx, caller),
    'sync.state': () => ({
      lastSyncAt: readState(ctx.db, STATE_KEYS.lastSyncAt),
      lastError: readState(ctx.db, STATE_KEYS.lastSyncError),
      status: deskStatus(ctx.db),
    }),
  };
}
