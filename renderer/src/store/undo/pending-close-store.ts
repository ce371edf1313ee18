// Closing purges a case's personal data for good, so a close is held back for a few seconds
// with an undo (as mail clients do with "send"): only when the time is up is it sent to the
// core. One close waits at a time; a second one sends the first at once. Logging out sends the
// waiting close before the session ends: the user did decide to close.
import { createStore } from 'zustand/vanilla';

export const UNDO_SECONDS = 6;

export interface PendingClose {
  requestId: string;
  /** What will happen, in German: "Rückruf wird als „Nicht erreicht“ abgeschlossen". */
  text: string;
  /** When it is sent (epoch ms). */
  dueAt: number;
}

export interface PendingCloseState {
  pending: PendingClose | null;
  schedule: (requestId: string, text: string, send: () => Promise<void>) => void;
  /** Drops the waiting close; nothing was sent. */
  undo: () => void;
  /** Sends the waiting close now. */
  flush: () => Promise<void>;
  /** The session ended before it could be sent: forget it (the case stays open, nothing is lost). */
  reset: () => void;
}

export type PendingCloseStore = ReturnType<typeof createPendingCloseStore>;

export function createPendingCloseStore(announce: (text: string) => void, now: () => number = Date.now) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let send: (() => Promise<void>) | null = null;
  const stop = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return createStore<PendingCloseState>()((set, get) => {
    const flush = async () => {
      const work = send;
      stop();
      send = null;
      set({ pending: null });
      if (work) await work();
    };
    return {
      pending: null,
      schedule: (requestId, text, work) => {
        if (send) void flush();
        send = work;
        set({ pending: { requestId, text, dueAt: now() + UNDO_SECONDS * 1000 } });
        timer = setTimeout(() => void flush(), UNDO_SECONDS * 1000);
      },
      undo: () => {
        if (!get().pending) return;
        stop();
        send = null;
        set({ pending: null });
        announce('Abschluss rückgängig gemacht: Der Vorgang ist weiter in Bearbeitung.');
      },
      flush,
      reset: () => {
        stop();
        send = null;
        set({ pending: null });
      },
    };
  });
}
