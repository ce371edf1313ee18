// The SMS misuse lookup and the disclosures built from it. The lookup's records are personal
// data: held in memory only, dropped with a new lookup or on logout.
import { createStore } from 'zustand/vanilla';
import type { DisclosureDetail, DisclosureEntry, DisclosureExport, SmsLookupReport } from '../../../../shared/officer-views';
import type { DisclosureDraft, SmsLookupQuery } from '../../services/officer';
import { plural } from '../../format/plural';
import { guardedCall } from '../guarded-call';
import type { OfficerStoreDeps } from './officer-cases-store';

export interface SmsDeskState {
  report: SmsLookupReport | null;
  /** The lookup's case reference: a disclosure built from it belongs to the same case. */
  caseRef: string;
  selected: string[];
  register: DisclosureEntry[];
  detail: DisclosureDetail | null;
  exported: DisclosureExport | null;
  busy: boolean;
  error: string | null;
  lookup: (query: SmsLookupQuery) => Promise<void>;
  /** Drops the shown result (the form found errors: they replace it). */
  clearReport: () => void;
  toggle: (smsId: string) => void;
  selectAll: (on: boolean) => void;
  createDisclosure: (draft: Omit<DisclosureDraft, 'smsIds' | 'caseRef'>) => Promise<DisclosureEntry | undefined>;
  loadRegister: () => Promise<void>;
  /**
   * Refetches the register and the opened disclosure after news from the feed (a decision taken on
   * another workstation), in the background: the buttons stay usable meanwhile.
   */
  refresh: () => Promise<void>;
  openDisclosure: (id: string | null) => Promise<void>;
  decide: (decision: 'approved' | 'rejected', note?: string) => Promise<void>;
  exportOpen: () => Promise<void>;
  /** Asks for legal holds on the opened (approved) disclosure's customers; a supervisor confirms them. */
  holdOpen: (until: string, note: string) => Promise<boolean>;
}

export type SmsDeskStore = ReturnType<typeof createSmsDeskStore>;

export function createSmsDeskStore({ service, announce, onAuthLost }: OfficerStoreDeps) {
  const officer = service.officer;
  return createStore<SmsDeskState>()((set, get) => {
    const run = guardedCall<SmsDeskState>(set, { onAuthLost, announceError: (m) => announce(m, 'error') });
    // The disclosure the officer opened last. An answer for another one (a refresh begun before
    // she chose, an earlier choice answering late) only brings the register up to date.
    let chosenId: string | null = null;
    const reopen = async (id: string) => {
      const [detail, register] = await Promise.all([officer.disclosure(id), officer.disclosures()]);
      set(chosenId === id ? { detail, register } : { register });
    };

    return {
      report: null,
      caseRef: '',
      selected: [],
      register: [],
      detail: null,
      exported: null,
      busy: false,
      error: null,
      lookup: async (query) => {
        set({ report: null, selected: [], error: null });
        const report = await run(() => officer.lookupSms(query));
        if (report) {
          set({ report, caseRef: query.caseRef });
          announce(
            report.records.length === 0
              ? 'Keine SMS für diese Abfrage gefunden.'
              : `${plural(report.records.length, 'SMS', 'SMS')} gefunden, ${plural(report.customersOverQuota ?? 0, 'Kundennummer', 'Kundennummern')} über dem Freikontingent.`,
            'success',
          );
        }
      },
      clearReport: () => set({ report: null, selected: [], error: null }),
      toggle: (smsId) => set(({ selected }) => ({ selected: selected.includes(smsId) ? selected.filter((s) => s !== smsId) : [...selected, smsId] })),
      selectAll: (on) => set(({ report }) => ({ selected: on && report ? report.records.map((r) => r.id) : [] })),
      createDisclosure: async (draft) => {
        const entry = await run(() => officer.createDisclosure({ ...draft, caseRef: get().caseRef, smsIds: get().selected }));
        if (entry) {
          set({ selected: [] });
          chosenId = entry.id;
          announce('Offenlegung angelegt. Sie wartet auf die Freigabe durch die Leitung.', 'success');
          await run(() => reopen(entry.id));
        }
        return entry;
      },
      loadRegister: async () => {
        const register = await run(() => officer.disclosures());
        if (register) set({ register });
      },
      refresh: async () => {
        const id = get().detail?.entry.id;
        await run(async () => {
          if (id) await reopen(id);
          else set({ register: await officer.disclosures() });
        }, true);
      },
      openDisclosure: async (id) => {
        chosenId = id;
        set({ detail: null, exported: null });
        if (id) await run(() => reopen(id));
      },
      decide: async (decision, note) => {
        const id = get().detail?.entry.id;
        if (!id) return;
        const entry = await run(() => officer.decideDisclosure(id, decision, note));
        if (entry) {
          announce(decision === 'approved' ? 'Offenlegung freigegeben.' : 'Offenlegung abgelehnt.', 'success');
          await run(() => reopen(id));
        }
      },
      exportOpen: async () => {
        const id = get().detail?.entry.id;
        if (!id) return;
        const exported = await run(() => officer.exportDisclosure(id));
        if (exported) {
          set({ exported });
          announce(`Exportiert: ${exported.files.length} Dateien und Manifest.`, 'success');
          await run(() => reopen(id));
        }
      },
      holdOpen: async (until, note) => {
        const id = get().detail?.entry.id;
        if (!id) return false;
        const result = await run(() => officer.holdDisclosure({ disclosureId: id, until, note }));
        if (result) announce(`${result.holdIds.length} Sicherung(en) beantragt; wirksam nach Bestätigung durch die Leitung.`, 'success');
        return result !== undefined;
      },
    };
  });
}
