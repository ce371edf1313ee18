// Wires the keyboard to the queue: which row j/k land on (in the table's current order, fetched
// from the core when it is outside the window held), keeping the selection in view, and what
// c/a/x do for the selected request.
import type { RefObject } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import { useDesk } from '../store/StoresContext';
import { requestActions } from './request-actions';
import { claimNextCallback } from '../store/queue/next-callback';
import { useQueueKeys } from './use-queue-keys';

interface Options {
  /** The selected row's position in the current order (-1: none, or not in the window held). */
  position: () => { current: number; total: number };
  selectAt: (index: number) => Promise<void>;
  virtualizer: Virtualizer<HTMLDivElement, Element> | null;
  scrollRef: RefObject<HTMLDivElement | null>;
  onHelp?: () => void;
}

const focusById = (id: string): boolean => {
  const el = document.getElementById(id);
  if (!el) return false;
  el.focus();
  return true;
};

export function useWorkbenchKeys({ position, selectAt, virtualizer, scrollRef, onHelp }: Options): void {
  const { stores, service } = useDesk();
  const announce = (text: string) => stores.notice.getState().announce(text, 'info');
  const selectedActions = () => {
    const { detail, selectedId } = stores.queue.getState();
    const roles = stores.session.getState().session?.user.roles ?? [];
    return detail && detail.row.id === selectedId ? { detail, actions: requestActions(detail.row, roles, new Date()) } : null;
  };

  useQueueKeys({
    move: (delta) => {
      const { current, total } = position();
      if (total === 0) return;
      const next = current === -1 ? (delta === 1 ? 0 : total - 1) : Math.min(total - 1, Math.max(0, current + delta));
      void selectAt(next);
      if (virtualizer) virtualizer.scrollToIndex(next, { align: 'auto' });
      else scrollRef.current?.querySelector(`[data-index="${next}"]`)?.scrollIntoView({ block: 'nearest' });
    },
    open: () => {
      if (stores.queue.getState().selectedId) focusById('detail-heading');
    },
    claim: () => {
      const s = selectedActions();
      if (!s) return announce('Bitte zuerst einen Eintrag wählen (j/k).');
      if (!s.actions.claim) return announce('Dieser Eintrag kann gerade nicht übernommen werden.');
      void stores.queue.getState().claim();
    },
    claimNext: () => {
      void claimNextCallback(stores.queue, service, announce).catch(() => announce('Der nächste Rückruf konnte nicht geladen werden.'));
    },
    attempt: () => {
      if (focusById('attempt-disposition')) return;
      const s = selectedActions();
      announce(s?.detail.retry?.reason ?? 'Für diesen Eintrag ist kein Anrufversuch möglich (nur bei übernommenen Rückrufen).');
    },
    close: () => {
      if (!focusById('close-outcome')) announce('Abschließen ist erst nach der Übernahme möglich.');
    },
    search: () => {
      focusById('queue-search');
    },
    help: () => onHelp?.(),
  });
}
