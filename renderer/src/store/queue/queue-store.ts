// The work queue (callbacks and contact requests) and the one request opened beside it. The store
// holds one window of rows (what is on screen, with margin); the core filters, sorts and counts.
// Personal data lives only in `detail`, in memory, and is dropped when the selection changes or
// the session ends.
import { createStore } from 'zustand/vanilla';
import type { Department, Disposition, Outcome } from '../../../../shared/domain';
import type { QueueCounts } from '../../../../shared/queue-window';
import type { ActionResult, QueueRow, RequestDetail } from '../../../../shared/views';
import type { DeskService, Retention } from '../../services/desk';
import { type DeskFailure, isAuthFailure, toDeskFailure } from '../../services/desk-error';
import type { NoticeTone } from '../notice/notice-store';
import { actionResultNotice, type QueueAction } from './action-notice';
import {
  DEFAULT_QUEUE_SORTING,
  NO_FILTER,
  toWireFilter,
  toWireSort,
  windowCovers,
  windowFor,
  type QueueFilterState,
  type QueueSorting,
} from './queue-query';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Rows offset..offset+rows.length-1 of the `total` rows matching `filter` in `sorting`'s order. */
export interface QueueWindowState {
  offset: number;
  rows: QueueRow[];
  total: number;
  /** The filter and sorting these rows answer (the UI's may be newer while a fetch runs). */
  filter: QueueFilterState;
  sorting: QueueSorting;
}

export interface QueueState {
  filter: QueueFilterState;
  sorting: QueueSorting;
  window: QueueWindowState;
  /** Per filter value, how many rows it would show; null until the first load. */
  counts: QueueCounts | null;
  /** Entries this user holds (for the window-open alerts), whatever the filters show. */
  mine: QueueRow[];
  /** The list was fetched at least once (so an empty list means "empty", not "not yet"). */
  listLoaded: boolean;
  listStatus: LoadStatus;
  listError: string | null;
  selectedId: string | null;
  detail: RequestDetail | null;
  detailStatus: LoadStatus;
  detailError: string | null;
  /** The action in flight on the selected request; buttons are disabled meanwhile. */
  pendingAction: QueueAction | null;
  /** Fetches counts, the window on screen and the open detail; calls during a fetch coalesce into one more. */
  load: () => Promise<void>;
  setFilter: (filter: QueueFilterState) => Promise<void>;
  setSorting: (sorting: QueueSorting) => Promise<void>;
  /** Rows first..last are on screen: fetches them (with margin) unless held or on their way. */
  showRange: (first: number, last: number) => Promise<void>;
  /** Selects the row at this position in the current order, fetching it first if needed. */
  selectAt: (index: number) => Promise<void>;
  select: (requestId: string | null) => Promise<void>;
  claim: () => Promise<void>;
  release: () => Promise<void>;
  recordAttempt: (disposition: Disposition, slot?: { preferredDate: string; preferredWindow: { from: string; to: string } }) => Promise<void>;
  /** Sends a close now; the UI schedules it through the pending-close store first (undo). */
  close: (outcome: Outcome, retention?: Retention | null, requestId?: string) => Promise<void>;
  forward: (department: Department) => Promise<void>;
  /** Re-claims the selected request this workstation holds: the backend answers with a fresh lease. Quiet on success. */
  renewLease: () => Promise<void>;
  /** Forgets everything (logout): no server data outlives the session in the renderer. */
  reset: () => void;
}

export interface QueueStoreDeps {
  service: DeskService;
  announce: (text: string, tone?: NoticeTone) => void;
  /** Called when a call failed because the session is gone. */
  onAuthLost: (message: string) => void;
  /** Called after an action went through (the outbox and sync state changed). */
  onActionDone?: () => void;
}

export type QueueStore = ReturnType<typeof createQueueStore>;

const EMPTY_WINDOW: QueueWindowState = { offset: 0, rows: [], total: 0, filter: NO_FILTER, sorting: DEFAULT_QUEUE_SORTING };

/** How many rows the first window holds before the table has measured the screen. */
const FIRST_SCREEN = 40;

const INITIAL = {
  filter: NO_FILTER,
  sorting: DEFAULT_QUEUE_SORTING,
  window: EMPTY_WINDOW,
  counts: null as QueueCounts | null,
  mine: [] as QueueRow[],
  listLoaded: false,
  listStatus: 'idle' as LoadStatus,
  listError: null,
  selectedId: null,
  detail: null,
  detailStatus: 'idle' as LoadStatus,
  detailError: null,
  pendingAction: null,
};

export function createQueueStore(deps: QueueStoreDeps) {
  const { service, announce, onAuthLost } = deps;
  // Bumped by reset(): answers to calls started before a logout are thrown away.
  let generation = 0;
  // Bumped by every window fetch: only the newest answer is shown (typing, scrolling).
  let windowSeq = 0;
  let windowInFlight: { seq: number; offset: number; limit: number } | null = null;
  // The rows on screen, as the table last reported them.
  let onScreen = { first: 0, last: FIRST_SCREEN - 1 };
  let inFlight: Promise<void> | null = null;
  let again = false;

  return createStore<QueueState>()((set, get) => {
    const fail = (error: unknown): DeskFailure => {
      const failure = toDeskFailure(error);
      if (isAuthFailure(failure)) onAuthLost(failure.message);
      return failure;
    };

    const fetchDetail = async (requestId: string): Promise<void> => {
      const gen = generation;
      try {
        const detail = await service.requestDetail(requestId);
        if (gen !== generation || get().selectedId !== requestId) return;
        set({ detail, detailStatus: 'ready', detailError: null });
      } catch (error) {
        if (gen !== generation || get().selectedId !== requestId) return;
        const failure = fail(error);
        set({ detail: null, detailStatus: 'error', detailError: failure.message });
      }
    };

    /** Fetches a window for the current filter and sorting; true when its answer was shown. */
    const fetchWindow = async (offset: number, limit: number): Promise<boolean> => {
      const gen = generation;
      const seq = ++windowSeq;
      const { filter, sorting } = get();
      windowInFlight = { seq, offset, limit };
      const superseded = () => gen !== generation || seq !== windowSeq;
      try {
        const answer = await service.queueWindow({ filter: toWireFilter(filter), sort: toWireSort(sorting), offset, limit });
        if (superseded()) return false;
        set({ window: { offset: answer.offset, rows: answer.rows, total: answer.total, filter, sorting } });
        return true;
      } catch (error) {
        // A failed answer nobody waits for any more (the user typed on) is no error to show.
        if (superseded()) return false;
        throw error;
      } finally {
        if (windowInFlight?.seq === seq) windowInFlight = null;
      }
    };

    const fetchList = async (): Promise<void> => {
      const gen = generation;
      set({ listStatus: 'loading' });
      try {
        // The rows on screen first: the table shows them while the counts are read.
        const { offset, limit } = windowFor(onScreen.first, onScreen.last);
        if ((await fetchWindow(offset, limit)) && !get().listLoaded) set({ listLoaded: true });
        if (gen !== generation) return;
        const [counts, mine] = await Promise.all([
          service.queueCounts(),
          service.queueWindow({ filter: { quick: 'mine' }, sort: toWireSort(DEFAULT_QUEUE_SORTING), offset: 0, limit: 500 }),
        ]);
        if (gen !== generation) return;
        set({ counts, mine: mine.rows, listLoaded: true, listStatus: 'ready', listError: null });
      } catch (error) {
        if (gen !== generation) return;
        // Keep the rows already shown; the error says they may be stale.
        set({ listLoaded: true, listStatus: 'error', listError: fail(error).message });
      }
      const selectedId = get().selectedId;
      if (selectedId && gen === generation) await fetchDetail(selectedId);
    };

    /** A new filter or sorting: its first screen of rows; errors show like a failed load. */
    const requery = async (): Promise<void> => {
      const gen = generation;
      onScreen = { first: 0, last: Math.max(FIRST_SCREEN, onScreen.last - onScreen.first) };
      try {
        await fetchWindow(0, windowFor(onScreen.first, onScreen.last).limit);
        if (gen === generation && get().listError) set({ listStatus: 'ready', listError: null });
      } catch (error) {
        if (gen === generation) set({ listStatus: 'error', listError: fail(error).message });
      }
    };

    const runAction = async (
      action: QueueAction,
      call: (requestId: string) => Promise<ActionResult>,
      options: { quiet?: boolean; sentText?: string; requestId?: string } = {},
    ) => {
      const requestId = options.requestId ?? get().selectedId;
      // A deferred close names its request; it may run while another one is selected and busy.
      if (!requestId || (!options.requestId && get().pendingAction)) return;
      const gen = generation;
      const onSelected = requestId === get().selectedId;
      if (onSelected) set({ pendingAction: action });
      try {
        const result = await call(requestId);
        if (gen !== generation) return;
        const kind = (onSelected ? get().detail?.row.kind : undefined) ?? 'callback';
        const notice = actionResultNotice(action, result, kind);
        const text = result.delivery === 'sent' && options.sentText && !result.message ? options.sentText : notice.text;
        if (!options.quiet || notice.tone !== 'success') announce(text, notice.tone);
        deps.onActionDone?.();
      } catch (error) {
        if (gen !== generation) return;
        announce(fail(error).message, 'error');
      } finally {
        if (gen === generation && onSelected) set({ pendingAction: null });
      }
      if (gen === generation) await get().load();
    };

    return {
      ...INITIAL,

      load: () => {
        if (inFlight) {
          again = true;
          return inFlight;
        }
        inFlight = (async () => {
          do {
            again = false;
            await fetchList();
          } while (again);
        })().finally(() => {
          inFlight = null;
        });
        return inFlight;
      },

      setFilter: (filter) => {
        set({ filter });
        return requery();
      },

      setSorting: (sorting) => {
        set({ sorting });
        return requery();
      },

      showRange: async (first, last) => {
        onScreen = { first, last };
        const { window } = get();
        if (windowCovers({ offset: window.offset, count: window.rows.length, total: window.total }, first, last)) return;
        const pending = windowInFlight;
        if (pending && windowCovers({ offset: pending.offset, count: pending.limit, total: window.total }, first, last)) return;
        const { offset, limit } = windowFor(first, last);
        try {
          await fetchWindow(offset, limit);
        } catch (error) {
          set({ listStatus: 'error', listError: fail(error).message });
        }
      },

      selectAt: async (index) => {
        const rowAt = () => {
          const { window } = get();
          return window.rows[index - window.offset];
        };
        if (!rowAt()) {
          const { offset, limit } = windowFor(index, index + FIRST_SCREEN);
          try {
            await fetchWindow(offset, limit);
          } catch (error) {
            announce(fail(error).message, 'error');
            return;
          }
        }
        const row = rowAt();
        if (row) await get().select(row.id);
      },

      select: async (requestId) => {
        if (requestId === get().selectedId) return;
        // Drop the previous request's personal data at once, not when the next one arrives.
        set({ selectedId: requestId, detail: null, detailError: null, detailStatus: requestId ? 'loading' : 'idle' });
        if (requestId) await fetchDetail(requestId);
      },

      claim: () => runAction('claim', (id) => service.claim(id)),
      release: () => runAction('release', (id) => service.release(id)),
      recordAttempt: (disposition, slot) => runAction('attempt', (id) => service.recordAttempt(id, disposition, slot)),
      close: (outcome, retention, requestId) =>
        runAction('close', (id) => service.close(id, outcome, retention), {
          requestId,
          // Issue 16: the backend keeps a retained case; the copy here is gone.
          sentText: retention ? `Vorgang abgeschlossen. Er wird bis ${retention.until.split('-').reverse().join('.')} beim Backend aufbewahrt; hier sind die Daten gelöscht.` : undefined,
        }),
      forward: (department) => runAction('forward', (id) => service.forward(id, department)),
      renewLease: () => runAction('renew', (id) => service.claim(id), { quiet: true }),

      reset: () => {
        generation++;
        windowSeq++;
        windowInFlight = null;
        onScreen = { first: 0, last: FIRST_SCREEN - 1 };
        again = false;
        set({ ...INITIAL });
      },
    };
  });
}
