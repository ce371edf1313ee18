// The portal access log lookup (issue 15). Its records are personal data: held in memory only,
// dropped with a new lookup, an invalid form or on logout (the store lives with the signed-in view).
import { createStore } from 'zustand/vanilla';
import type { PortalLookupReport } from '../../../../shared/officer-views';
import { plural } from '../../format/plural';
import type { SmsLookupQuery } from '../../services/officer';
import { guardedCall } from '../guarded-call';
import type { OfficerStoreDeps } from './officer-cases-store';

export interface PortalLookupState {
  report: PortalLookupReport | null;
  busy: boolean;
  error: string | null;
  lookup: (query: SmsLookupQuery) => Promise<void>;
  clearReport: () => void;
}

export type PortalLookupStore = ReturnType<typeof createPortalLookupStore>;

export function createPortalLookupStore({ service, announce, onAuthLost }: OfficerStoreDeps) {
  return createStore<PortalLookupState>()((set) => {
    const run = guardedCall<PortalLookupState>(set, { onAuthLost, announceError: (m) => announce(m, 'error') });
    return {
      report: null,
      busy: false,
      error: null,
      lookup: async (query) => {
        set({ report: null, error: null });
        const report = await run(() => service.officer.lookupPortal(query));
        if (!report) return;
        set({ report });
        announce(report.records.length === 0 ? 'Keine Portal-Zugriffe für diese Abfrage gefunden.' : `${plural(report.records.length, 'Portal-Zugriff', 'Portal-Zugriffe')} gefunden.`, 'success');
      },
      clearReport: () => set({ report: null, error: null }),
    };
  });
}
