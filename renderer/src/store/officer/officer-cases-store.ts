// The officer's confidential cases and the one case opened beside them. Its personal data and
// notes live only in `open`, in memory, and are dropped when another case is opened or on logout.
import { createStore } from 'zustand/vanilla';
import type { Outcome } from '../../../../shared/domain';
import type { OfficerCase } from '../../../../shared/officer-views';
import type { QueueRow } from '../../../../shared/views';
import type { DeskService, Retention } from '../../services/desk';
import { guardedCall } from '../guarded-call';
import type { NoticeTone } from '../notice/notice-store';

export interface OfficerCasesState {
  rows: QueueRow[];
  includeClosed: boolean;
  open: OfficerCase | null;
  busy: boolean;
  error: string | null;
  load: (includeClosed?: boolean) => Promise<void>;
  select: (requestId: string | null) => Promise<void>;
  claim: () => Promise<void>;
  addNote: (text: string) => Promise<boolean>;
  close: (outcome: Outcome, retention: Retention | null) => Promise<void>;
}

export interface OfficerStoreDeps {
  service: DeskService;
  announce: (text: string, tone?: NoticeTone) => void;
  onAuthLost: (message: string) => void;
}

export type OfficerCasesStore = ReturnType<typeof createOfficerCasesStore>;

export function createOfficerCasesStore({ service, announce, onAuthLost }: OfficerStoreDeps) {
  return createStore<OfficerCasesState>()((set, get) => {
    const run = guardedCall<OfficerCasesState>(set, { onAuthLost, announceError: (m) => announce(m, 'error') });
    const refreshOpen = async () => {
      const id = get().open?.detail.row.id;
      const [rows, open] = await Promise.all([service.officer.cases(get().includeClosed), id ? service.officer.openCase(id) : null]);
      set({ rows, open });
    };
    const act = async (work: (id: string) => Promise<{ delivery: string; message: string | null }>, done: string) => {
      const id = get().open?.detail.row.id;
      if (!id) return;
      await run(async () => {
        const result = await work(id);
        await refreshOpen();
        if (result.delivery === 'rejected') announce(result.message ?? 'Vom Backend abgelehnt.', 'error');
        else announce(result.delivery === 'sent' ? done : (result.message ?? done), result.delivery === 'sent' ? 'success' : 'info');
      });
    };

    return {
      rows: [],
      includeClosed: false,
      open: null,
      busy: false,
      error: null,
      load: async (includeClosed) => {
        if (includeClosed !== undefined) set({ includeClosed });
        await run(refreshOpen);
      },
      select: async (requestId) => {
        set({ open: null });
        if (!requestId) return;
        const open = await run(() => service.officer.openCase(requestId));
        if (open) set({ open });
      },
      claim: () => act((id) => service.claim(id), 'Fall übernommen.'),
      addNote: async (text) => {
        const id = get().open?.detail.row.id;
        if (!id) return false;
        const open = await run(() => service.officer.addNote(id, text));
        if (open) set({ open });
        return open !== undefined;
      },
      close: (outcome, retention) => act((id) => service.close(id, outcome, retention), 'Fall abgeschlossen.'),
    };
  });
}
