// The officer's confidential cases and the one case opened beside them. Its personal data and
// notes live only in `open`, in memory, and are dropped when another case is opened or on logout.
import { createStore } from 'zustand/vanilla';
import type { Outcome } from '../../../../shared/domain';
import { OUTCOME_LABELS } from '../../format/labels';
import type { OfficerCase, OfficerCaseRow } from '../../../../shared/officer-views';
import type { DeskService, Retention } from '../../services/desk';
import { guardedCall } from '../guarded-call';
import type { NoticeTone } from '../notice/notice-store';
import type { PendingCloseStore } from '../undo/pending-close-store';

export interface OfficerCasesState {
  rows: OfficerCaseRow[];
  /** False until the first list arrived: an empty list then means "no cases", not "not yet". */
  loaded: boolean;
  includeClosed: boolean;
  open: OfficerCase | null;
  busy: boolean;
  error: string | null;
  load: (includeClosed?: boolean) => Promise<void>;
  /** Refetches after news from the feed without marking the screen busy: a click on "Übernehmen"
   * or "Abschließen" in that moment must not land on a button disabled for a background read. */
  refresh: () => Promise<void>;
  select: (requestId: string | null) => Promise<void>;
  claim: () => Promise<void>;
  addNote: (text: string) => Promise<boolean>;
  editNote: (noteId: string, text: string) => Promise<boolean>;
  /** Schedules the close of the open case (sent after the undo time). */
  close: (outcome: Outcome, retention: Retention | null) => Promise<void>;
  release: () => Promise<void>;
}

export interface OfficerStoreDeps {
  service: DeskService;
  announce: (text: string, tone?: NoticeTone) => void;
  onAuthLost: (message: string) => void;
  /** Closes wait here for their undo time before they are sent. */
  pendingClose?: PendingCloseStore;
}

export type OfficerCasesStore = ReturnType<typeof createOfficerCasesStore>;

export function createOfficerCasesStore({ service, announce, onAuthLost, pendingClose }: OfficerStoreDeps) {
  return createStore<OfficerCasesState>()((set, get) => {
    const run = guardedCall<OfficerCasesState>(set, { onAuthLost, announceError: (m) => announce(m, 'error') });
    // The case the officer chose last. A refresh (every sync brings one) or an earlier choice may
    // still be on its way when she chooses; what they fetched must not replace her choice.
    let chosenId: string | null = null;
    const refreshOpen = async () => {
      const id = chosenId;
      const [rows, open] = await Promise.all([service.officer.cases(get().includeClosed), id ? service.officer.openCase(id) : null]);
      set(chosenId === id ? { rows, open, loaded: true } : { rows, loaded: true });
    };
    const act = async (work: (id: string) => Promise<{ delivery: string; message: string | null }>, done: string, requestId?: string) => {
      const id = requestId ?? get().open?.detail.row.id;
      if (!id) return;
      await run(async () => {
        const result = await work(id);
        await refreshOpen();
        if (result.delivery === 'rejected') announce(result.message ?? 'Das Backend hat die Aktion abgelehnt.', 'error');
        else announce(result.delivery === 'sent' ? done : (result.message ?? done), result.delivery === 'sent' ? 'success' : 'info');
      });
    };

    return {
      rows: [],
      loaded: false,
      includeClosed: false,
      open: null,
      busy: false,
      error: null,
      load: async (includeClosed) => {
        if (includeClosed !== undefined) set({ includeClosed });
        await run(refreshOpen);
      },
      refresh: async () => {
        await run(refreshOpen, true);
      },
      select: async (requestId) => {
        chosenId = requestId;
        set({ open: null });
        if (!requestId) return;
        const open = await run(() => service.officer.openCase(requestId));
        if (chosenId !== requestId) return;
        if (open) set({ open });
        // A case that could not be opened (its error is shown) is not asked for again by every refresh.
        else chosenId = null;
      },
      claim: () => act((id) => service.claim(id), 'Fall übernommen.'),
      addNote: async (text) => {
        const id = get().open?.detail.row.id;
        if (!id) return false;
        const open = await run(() => service.officer.addNote(id, text));
        if (open && chosenId === id) set({ open });
        return open !== undefined;
      },
      editNote: async (noteId, text) => {
        const id = get().open?.detail.row.id;
        if (!id) return false;
        const open = await run(() => service.officer.editNote(id, noteId, text));
        if (open && chosenId === id) set({ open });
        return open !== undefined;
      },
      close: async (outcome, retention) => {
        const id = get().open?.detail.row.id;
        if (!id) return;
        const send = () => act((rid) => service.close(rid, outcome, retention), 'Fall abgeschlossen.', id);
        if (!pendingClose) return send();
        pendingClose.getState().schedule(id, `Fall wird als „${OUTCOME_LABELS[outcome]}“ abgeschlossen${retention ? '' : ', die Daten werden gelöscht'}.`, send);
      },
      release: () => act((id) => service.release(id), 'Fall freigegeben: wieder in der Liste für alle Beauftragten dieses Amts.'),
    };
  });
}
