// The waiting close with its undo: "Rückgängig" (or Strg+Z) keeps the case open, "Jetzt
// abschließen" sends it at once. Lives in the status bar, so it never covers the work.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { PendingCloseStore } from '../store/undo/pending-close-store';

export function UndoBar({ store }: { store: PendingCloseStore }) {
  const pending = useStore(store, (s) => s.pending);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!pending) return;
    setNow(Date.now());
    const tick = setInterval(() => setNow(Date.now()), 250);
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        store.getState().undo();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      clearInterval(tick);
      document.removeEventListener('keydown', onKey);
    };
  }, [pending, store]);
  if (!pending) return null;
  const seconds = Math.max(0, Math.ceil((pending.dueAt - now) / 1000));
  return (
    <div className="undo-bar" role="alert" data-testid="undo-close">
      <span>
        {pending.text} <span className="muted" aria-hidden="true">(in {seconds} s)</span>
      </span>
      <button type="button" className="button-primary" onClick={() => store.getState().undo()} aria-keyshortcuts="Control+Z">
        Rückgängig
      </button>
      <button type="button" className="button-secondary" onClick={() => void store.getState().flush()}>
        Jetzt abschließen
      </button>
    </div>
  );
}
