// The supervisors' audit view: the filter, the entries shown so far (newest first, paged by
// seq), the chain's verdict and the CSV export. Not persisted: it lives while the view is open.
import { createStore } from 'zustand/vanilla';
import type { AuditEntryView, AuditFilter, AuditVerdictView } from '../../../../shared/channels/audit-channels';
import type { ExportFile } from '../../../../shared/retention';
import { guardedCall } from '../guarded-call';
import type { DeskService } from '../../services/desk';

export const AUDIT_PAGE_SIZE = 100;

/** The form's values; empty strings mean "no filter". */
export interface AuditFilterForm {
  from: string;
  to: string;
  action: string;
  actor: string;
}

export const EMPTY_FILTER: AuditFilterForm = { from: '', to: '', action: '', actor: '' };

export interface AuditState {
  filter: AuditFilterForm;
  entries: AuditEntryView[];
  verdict: AuditVerdictView | null;
  actions: string[];
  more: boolean;
  busy: boolean;
  error: string | null;
  setFilter(change: Partial<AuditFilterForm>): void;
  /** The first page for the current filter. */
  load(): Promise<void>;
  loadMore(): Promise<void>;
  exportCsv(): Promise<ExportFile | null>;
}

export type AuditStore = ReturnType<typeof createAuditStore>;

export interface AuditStoreDeps {
  service: DeskService;
  announce: (text: string, tone?: 'info' | 'success' | 'error') => void;
  onAuthLost: (message: string) => void;
}

/** The filter as the contract wants it: blank fields left out. */
export function toAuditFilter(form: AuditFilterForm): AuditFilter {
  const filter: AuditFilter = {};
  for (const key of ['from', 'to', 'action', 'actor'] as const) {
    const value = form[key].trim();
    if (value) filter[key] = value;
  }
  return filter;
}

export function createAuditStore({ service, announce, onAuthLost }: AuditStoreDeps) {
  return createStore<AuditState>()((set, get) => {
    const step = guardedCall<AuditState>(set, { onAuthLost });

    return {
      filter: EMPTY_FILTER,
      entries: [],
      verdict: null,
      actions: [],
      more: false,
      busy: false,
      error: null,
      setFilter: (change) => set({ filter: { ...get().filter, ...change } }),
      async load() {
        const page = await step(() => service.audit.list({ ...toAuditFilter(get().filter), limit: AUDIT_PAGE_SIZE }));
        if (page) set({ entries: page.entries, verdict: page.verdict, actions: page.actions, more: page.more });
      },
      async loadMore() {
        const last = get().entries.at(-1);
        if (!last) return;
        const page = await step(() => service.audit.list({ ...toAuditFilter(get().filter), limit: AUDIT_PAGE_SIZE, beforeSeq: last.seq }));
        if (page) set({ entries: [...get().entries, ...page.entries], verdict: page.verdict, actions: page.actions, more: page.more });
      },
      async exportCsv() {
        const file = await step(() => service.audit.exportCsv(toAuditFilter(get().filter)));
        if (!file) return null;
        announce(`Prüfprotokoll exportiert: ${file.rows} Einträge.`, 'success');
        // The export is itself an audit entry: show it.
        await get().load();
        return file;
      },
    };
  });
}
