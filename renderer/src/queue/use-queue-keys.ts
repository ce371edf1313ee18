// The workbench's keyboard: j/k move the selection, Enter opens the detail, c claims, a and x
// jump to the attempt and close forms, / searches, ? lists the shortcuts. Typing in a field or
// a modal dialog is never hijacked.
import { useEffect, useRef } from 'react';

export interface QueueKeyActions {
  move: (delta: 1 | -1) => void;
  open: () => void;
  claim: () => void;
  claimNext: () => void;
  attempt: () => void;
  close: () => void;
  search: () => void;
  help: () => void;
}

export const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: 'j', what: 'Nächster Eintrag' },
  { keys: 'k', what: 'Vorheriger Eintrag' },
  { keys: 'Enter', what: 'Gewählten Eintrag öffnen (Fokus in die Details)' },
  { keys: 'c', what: 'Gewählten Eintrag übernehmen' },
  { keys: 'n', what: 'Nächsten fälligen Rückruf übernehmen' },
  { keys: 'a', what: 'Anrufversuch erfassen (Ergebnis wählen, Enter)' },
  { keys: 'x', what: 'Abschließen (Ergebnis wählen, Enter)' },
  { keys: '/', what: 'Suchen' },
  { keys: '?', what: 'Diese Übersicht der Tastenkürzel' },
  { keys: 'Esc', what: 'Suche bzw. Dialog verlassen' },
];

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useQueueKeys(actions: QueueKeyActions): void {
  // The latest callbacks without re-subscribing on every render.
  const ref = useRef(actions);
  ref.current = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (typingIn(event.target) || document.querySelector('dialog[open]')) return;
      const a = ref.current;
      const run = (fn: () => void) => {
        event.preventDefault();
        fn();
      };
      switch (event.key) {
        case 'j':
          return run(() => a.move(1));
        case 'k':
          return run(() => a.move(-1));
        case 'c':
          return run(a.claim);
        case 'n':
          return run(a.claimNext);
        case 'a':
          return run(a.attempt);
        case 'x':
          return run(a.close);
        case '/':
          return run(a.search);
        case '?':
          return run(a.help);
        case 'Enter':
          // Enter on a button or link keeps its own meaning.
          if (event.target instanceof HTMLElement && event.target.closest('button, a, summary')) return;
          return run(a.open);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
