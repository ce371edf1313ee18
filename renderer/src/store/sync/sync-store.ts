// The state of synchronisation with the backend: last sync, outbox, errors.
import { createStore } from 'zustand/vanilla';
import type { SyncReport, SyncState } from '../../../../shared/views';
import type { DeskService } from '../../services/desk';
import { isAuthFailure, toDeskFailure } from '../../services/desk-error';
import type { NoticeTone } from '../notice/notice-store';
import { syncReportNotice } from './sync-report';

export interface SyncStoreState {
  state: SyncState | null;
  /** Why the last `sync.state` read failed (the host, not the backend). */
  error: string | null;
  syncing: boolean;
  lastReport: SyncReport | null;
  refresh: () => Promise<void>;
  syncNow: () => Promise<void>;
  reset: () => void;
}

export interface SyncStoreDeps {
  service: DeskService;
  announce: (text: string, tone?: NoticeTone) => void;
  onAuthLost: (message: string) => void;
  /** Called after a sync ran (the queue may have changed). */
  onSynced?: () => void;
}

export type SyncStore = ReturnType<typeof createSyncStore>;

export function createSyncStore(deps: SyncStoreDeps) {
  const { service, announce, onAuthLost } = deps;
  let generation = 0;
  let refreshSeq = 0;

  return createStore<SyncStoreState>()((set, get) => ({
    state: null,
    error: null,
    syncing: false,
    lastReport: null,

    refresh: async () => {
      const gen = generation;
      const seq = ++refreshSeq;
      try {
        const state = await service.syncState();
        // An older answer arriving late must not overwrite a newer one.
        if (gen !== generation || seq !== refreshSeq) return;
        set({ state, error: null });
      } catch (error) {
        if (gen !== generation || seq !== refreshSeq) return;
        const failure = toDeskFailure(error);
        if (isAuthFailure(failure)) onAuthLost(failure.message);
        set({ error: failure.message });
      }
    },

    syncNow: async () => {
      if (get().syncing) return;
      const gen = generation;
      set({ syncing: true });
      try {
        const report = await service.syncNow();
        if (gen !== generation) return;
        set({ lastReport: report });
        const notice = syncReportNotice(report);
        announce(notice.text, notice.tone);
        deps.onSynced?.();
      } catch (error) {
        if (gen !== generation) return;
        const failure = toDeskFailure(error);
        if (isAuthFailure(failure)) onAuthLost(failure.message);
        announce(failure.message, 'error');
      } finally {
        if (gen === generation) set({ syncing: false });
      }
      if (gen === generation) await get().refresh();
    },

    reset: () => {
      generation++;
      set({ state: null, error: null, syncing: false, lastReport: null });
    },
  }));
}
