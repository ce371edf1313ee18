// The supervisors' deletion view: dashboard, rules with their dry run, the self-test and the
// exports. Holds no personal data (the core never sends any to this view) and is not persisted.
import { createStore } from 'zustand/vanilla';
import type { DeletionDashboard, DryRun, ExportFile, ExportInput, RuleChangeInput, RuleView, SelfTestResult } from '../../../../shared/retention';
import { guardedCall } from '../guarded-call';
import type { DeskService } from '../../services/desk';

export interface RetentionState {
  dashboard: DeletionDashboard | null;
  rules: RuleView[];
  /** The last dry run; a rule change can be applied only after its own dry run. */
  dryRun: DryRun | null;
  /** Why the last dry run or rule change was refused; shown next to the rule form's field. */
  ruleError: string | null;
  busy: boolean;
  error: string | null;
  load(): Promise<void>;
  preview(change: RuleChangeInput | null): Promise<void>;
  /** The form's own refusal of what was typed: the old dry run goes, the message stands at the field. */
  refuseRuleChange(message: string | null): void;
  apply(change: RuleChangeInput): Promise<boolean>;
  confirmHold(holdId: string): Promise<void>;
  rejectHold(holdId: string, note: string): Promise<boolean>;
  runSelfTest(): Promise<SelfTestResult | null>;
  exportFile(input: ExportInput): Promise<ExportFile | null>;
  reset(): void;
}

export type RetentionStore = ReturnType<typeof createRetentionStore>;

export interface RetentionStoreDeps {
  service: DeskService;
  announce: (text: string, tone?: 'info' | 'success' | 'error') => void;
  onAuthLost: (message: string) => void;
}

export function createRetentionStore({ service, announce, onAuthLost }: RetentionStoreDeps) {
  return createStore<RetentionState>()((set, get) => {
    // Failures are shown inline (role=alert) next to the form, not as a toast over the buttons.
    const step = guardedCall<RetentionState>(set, { onAuthLost });

    return {
      dashboard: null,
      rules: [],
      dryRun: null,
      ruleError: null,
      busy: false,
      error: null,
      async load() {
        const [dashboard, rules] = (await step(() => Promise.all([service.deletionDashboard(), service.retentionRules()]), true)) ?? [null, null];
        if (dashboard && rules) set({ dashboard, rules });
      },
      async preview(change) {
        // The old result goes at once: it must never stand beside a new value or its refusal.
        set({ dryRun: null, ruleError: null });
        const dryRun = await step(() => service.retentionDryRun(change));
        if (dryRun) set({ dryRun });
        else set({ ruleError: get().error, error: null });
      },
      refuseRuleChange(message) {
        set({ dryRun: null, ruleError: message });
      },
      async apply(change) {
        const shown = get().dryRun?.change;
        if (!shown || shown.key !== change.key || shown.period !== change.period) {
          set({ ruleError: 'Bitte zuerst den Probelauf für diese Änderung ansehen.' });
          return false;
        }
        set({ ruleError: null });
        const rules = await step(() => service.changeRetentionRule(change));
        if (!rules) {
          set({ dryRun: null, ruleError: get().error, error: null });
          return false;
        }
        set({ rules, dryRun: null });
        announce('Regel geändert. Fällige Löschungen wurden ausgeführt.', 'success');
        await get().load();
        return true;
      },
      async confirmHold(holdId) {
        if (await step(() => service.confirmSmsHold(holdId))) {
          announce('Sicherung bestätigt.', 'success');
          await get().load();
        }
      },
      async rejectHold(holdId, note) {
        if (!(await step(() => service.rejectSmsHold(holdId, note)))) return false;
        announce('Sicherung abgewiesen.', 'success');
        await get().load();
        return true;
      },
      async runSelfTest() {
        const result = await step(() => service.runDeletionSelfTest());
        if (result) {
          announce(result.passed ? 'Löschtest bestanden.' : 'Löschtest fehlgeschlagen: Spuren gefunden.', result.passed ? 'success' : 'error');
          await get().load();
        }
        return result ?? null;
      },
      exportFile: async (input) => (await step(() => service.exportRetention(input))) ?? null,
      reset: () => set({ dashboard: null, rules: [], dryRun: null, ruleError: null, busy: false, error: null }),
    };
  });
}
