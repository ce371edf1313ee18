// Wires the keyboard to the queue: which row j/k land on (in the table's current order),
// keeping the selection in view, and what c/a/x do for the selected request.
import type { RefObject } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import type { QueueRow } from '../../../shared/views';
import { useDesk } from '../store/StoresContext';
import { requestActions } from './request-actions';
import { useQueueKeys } from './use-queue-keys';

interface Options {
  rows: { original: QueueRow }[];
  selectedId: string | null;
  select: (id: string | null) => Promise<void>;
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

export function useWorkbenchKeys({ rows, selectedId, select, virtualizer, scrollRef, onHelp }: Options): void {
  const { stores } = useDesk();
  const announce = (text: string) => stores.notice.getState().announce(text, 'info');
  const selectedActions = () => {
    const detail = stores.queue.getState().detail;
    const roles = stores.session.getState().session?.user.roles ?? [];
    return detail && detail.row.id === selectedId ? { detail, actions: requestActions(detail.row, roles, new Date()) } : null;
  };

  useQueueKeys({
    move: (delta) => {
      if (rows.length === 0) return;
      const current = rows.findIndex((r) => r.original.id === selectedId);
      const next = current === -1 ? (delta === 1 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, current + delta));
      const id = rows[next]!.original.id;
      void select(id);
      if (virtualizer) virtualizer.scrollToIndex(next, { align: 'auto' });
      else scrollRef.current?.querySelector(`[data-index="${next}"]`)?.scrollIntoView({ block: 'nearest' });
    },
    open: () => {
      if (selectedId) focusById('detail-heading');
    },
    claim: () => {
      const s = selectedActions();
      if (!s) return announce('Bitte zuerst einen Eintrag wählen (j/k).');
      if (!s.actions.claim) return announce('Dieser Eintrag kann gerade nicht übernommen werden.');
      void stores.queue.getState().claim();
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
