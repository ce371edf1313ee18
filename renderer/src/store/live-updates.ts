// While signed in: load once, then refetch on host events and poll the sync state, because
// its "last sync" and outbox numbers change without a queue event.
import type { DeskService } from '../services/desk';
import type { DeskStores } from './desk-stores';

export const SYNC_STATE_REFRESH_MS = 10_000;

export function startLiveUpdates(
  stores: DeskStores,
  service: DeskService,
  syncStateRefreshMs: number = SYNC_STATE_REFRESH_MS,
): () => void {
  const unsubscribe = service.subscribe((event) => {
    if (event.type !== 'changed') return;
    if (event.scope === 'queue') void stores.queue.getState().load();
    else if (event.scope === 'sync') void stores.sync.getState().refresh();
    else if (event.scope === 'session') void stores.session.getState().refresh();
  });
  const timer = setInterval(() => void stores.sync.getState().refresh(), syncStateRefreshMs);
  void stores.queue.getState().load();
  void stores.sync.getState().refresh();
  return () => {
    unsubscribe();
    clearInterval(timer);
  };
}
