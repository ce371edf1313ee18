// Builds the per-domain stores over one service and wires what crosses domains: a lost
// session sends everyone back to the login screen and drops all server data held in memory.
import type { DeskService } from '../services/desk';
import { createNoticeStore, type NoticeStore, type NoticeTone } from './notice/notice-store';
import { createQueueStore, type QueueStore } from './queue/queue-store';
import { createSessionStore, type SessionStore } from './session/session-store';
import { createSyncStore, type SyncStore } from './sync/sync-store';
import { createPendingCloseStore, type PendingCloseStore } from './undo/pending-close-store';

export interface DeskStores {
  session: SessionStore;
  queue: QueueStore;
  sync: SyncStore;
  notice: NoticeStore;
  /** A close waiting for its undo time (shared by the queue and the officers' cases). */
  pendingClose: PendingCloseStore;
}

export function createDeskStores(service: DeskService): DeskStores {
  const notice = createNoticeStore();
  const announce = (text: string, tone?: NoticeTone) => notice.getState().announce(text, tone);
  const session = createSessionStore(service);
  const onAuthLost = (message: string) => session.getState().sessionLost(message);

  const sync = createSyncStore({
    service,
    announce,
    onAuthLost,
    onSynced: () => void queue.getState().load(),
  });
  const queue = createQueueStore({
    service,
    announce,
    onAuthLost,
    onActionDone: () => void sync.getState().refresh(),
  });

  const pendingClose = createPendingCloseStore((text) => announce(text, 'info'));

  session.subscribe((next, prev) => {
    if (prev.phase === 'signed_in' && next.phase !== 'signed_in') {
      pendingClose.getState().reset();
      queue.getState().reset();
      sync.getState().reset();
      notice.getState().clear();
    }
  });

  return { session, queue, sync, notice, pendingClose };
}
