// React access to the stores: one instance per app, handed down by context so that the
// stores themselves stay plain (testable in Node) and window.api is touched only in main.tsx.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { DeskService } from '../services/desk';
import type { DeskStores } from './desk-stores';
import type { NoticeState } from './notice/notice-store';
import type { QueueState } from './queue/queue-store';
import type { SessionState } from './session/session-store';
import type { SyncStoreState } from './sync/sync-store';

interface DeskContextValue {
  stores: DeskStores;
  service: DeskService;
}

const DeskContext = createContext<DeskContextValue | null>(null);

export function DeskProvider({ stores, service, children }: DeskContextValue & { children: ReactNode }) {
  return <DeskContext value={{ stores, service }}>{children}</DeskContext>;
}

export function useDesk(): DeskContextValue {
  const value = useContext(DeskContext);
  if (!value) throw new Error('useDesk outside <DeskProvider>');
  return value;
}

export const useSession = <T,>(selector: (state: SessionState) => T): T => useStore(useDesk().stores.session, selector);
export const useQueue = <T,>(selector: (state: QueueState) => T): T => useStore(useDesk().stores.queue, selector);
export const useSync = <T,>(selector: (state: SyncStoreState) => T): T => useStore(useDesk().stores.sync, selector);
export const useNotice = <T,>(selector: (state: NoticeState) => T): T => useStore(useDesk().stores.notice, selector);
