// The one message the polite live region announces: action results, sync reports, errors.
import { createStore } from 'zustand/vanilla';

export type NoticeTone = 'info' | 'success' | 'error';

export interface Notice {
  /** Increases with every announcement, so repeating the same text is announced again. */
  id: number;
  text: string;
  tone: NoticeTone;
}

export interface NoticeState {
  current: Notice | null;
  announce: (text: string, tone?: NoticeTone) => void;
  clear: () => void;
}

export type NoticeStore = ReturnType<typeof createNoticeStore>;

export function createNoticeStore() {
  let nextId = 1;
  return createStore<NoticeState>()((set) => ({
    current: null,
    announce: (text, tone = 'info') => set({ current: { id: nextId++, text, tone } }),
    clear: () => set({ current: null }),
  }));
}
