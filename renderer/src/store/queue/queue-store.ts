// The work queue (callbacks and contact requests) and the one request opened beside it. Personal data lives only in
// `detail`, in memory, and is dropped when the selection changes or the session ends.
import { createStore } from 'zustand/vanilla';
import type { Department, Disposition, Outcome } from '../../../../shared/domain';
import type { ActionResult, QueueRow, RequestDetail } from '../../../../shared/views';
import type { DeskService, Retention } from '../../services/desk';
import { type DeskFailure, isAuthFailure, toDeskFailure } from '../../services/desk-error';
import type { NoticeTone } from '../notice/notice-store';
import { actionResultNotice, type QueueAction } from './action-notice';
import { createQueueReader } from './queue-sync';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface QueueState {
  rows: QueueRow[];
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
  /** Fetches the list (and the open detail); calls during a fetch coalesce into one more. */
  load: () => Promise<void>;
  select: (requestId: string | null) => Promise<void>;
  claim: () => Promise<void>;
  release: () => Promise<void>;
  recordAttempt: (disposition: Disposition) => Promise<void>;
  close: (outcome: Outcome, retention?: Retention | null) => Promise<void>;
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

const INITIAL = {
  rows: [] as QueueRow[],
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
  // Everything the user's roles may see (agents: callbacks and contacts), read incrementally.
  const reader = createQueueReader(service);
  // Bumped by reset(): answers to calls started before a logout are thrown away.
  let generation = 0;
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

    const fetchList = async (): Promise<void> => {
      const gen = generation;
      set({ listStatus: 'loading' });
      try {
        const rows = await reader.read(get().rows);
        if (gen !== generation) return;
        set({ rows, listLoaded: true, listStatus: 'ready', listError: null });
      } catch (error) {
        if (gen !== generation) return;
        // Keep the rows already shown; the error says they may be stale.
        set({ listLoaded: true, listStatus: 'error', listError: fail(error).message });
      }
      const selectedId = get().selectedId;
      if (selectedId && gen === generation) await fetchDetail(selectedId);
    };

    const runAction = async (
      action: QueueAction,
      call: (requestId: string) => Promise<ActionResult>,
      options: { quiet?: boolean; sentText?: string } = {},
    ) => {
      const requestId = get().selectedId;
      if (!requestId || get().pendingAction) return;
      const gen = generation;
      set({ pendingAction: action });
      try {
        const result = await call(requestId);
        if (gen !== generation) return;
        const kind = get().detail?.row.kind ?? 'callback';
        const notice = actionResultNotice(action, result, kind);
        const text = result.delivery === 'sent' && options.sentText && !result.message ? options.sentText : notice.text;
        if (!options.quiet || notice.tone !== 'success') announce(text, notice.tone);
        deps.onActionDone?.();
      } catch (error) {
        if (gen !== generation) return;
        announce(fail(error).message, 'error');
      } finally {
        if (gen === generation) set({ pendingAction: null });
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

      select: async (requestId) => {
        if (requestId === get().selectedId) return;
        // Drop the previous request's personal data at once, not when the next one arrives.
        set({ selectedId: requestId, detail: null, detailError: null, detailStatus: requestId ? 'loading' : 'idle' });
        if (requestId) await fetchDetail(requestId);
      },

      claim: () => runAction('claim', (id) => service.claim(id)),
      release: () => runAction('release', (id) => service.release(id)),
      recordAttempt: (disposition) => runAction('attempt', (id) => service.recordAttempt(id, disposition)),
      close: (outcome, retention) =>
        runAction('close', (id) => service.close(id, outcome, retention), {
          sentText: retention ? `Vorgang abgeschlossen. Die Daten werden bis ${retention.until.split('-').reverse().join('.')} aufbewahrt.` : undefined,
        }),
      forward: (department) => runAction('forward', (id) => service.forward(id, department)),
      renewLease: () => runAction('renew', (id) => service.claim(id), { quiet: true }),

      reset: () => {
        generation++;
        reader.reset();
        again = false;
        set({ ...INITIAL });
      },
    };
  });
}
