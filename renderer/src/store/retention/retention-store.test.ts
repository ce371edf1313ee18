import { describe, expect, it, vi } from 'vitest';
import type { DeletionDashboard, DryRun, RuleView } from '../../../../shared/retention';
import { createDeskService } from '../../services/desk';
import { createFakeDeskApi, deskError } from '../../testing/fake-desk-api';
import { createRetentionStore } from './retention-store';

const DASHBOARD: DeletionDashboard = { at: '2026-11-25T09:00:00.000Z', perKind: [], overdue: [], purgesPerDay: [], upcoming: [], selfTests: [], holds: [], brokenChains: [] };
const RULE: RuleView = {
  key: 'sms_log',
  data: 'SMS-Protokoll',
  startEvent: 'Sendezeitpunkt',
  legalBasis: 'Art. 6 Abs. 1 lit. f DSGVO',
  unit: 'days',
  period: 90,
  limit: 90,
  adjustable: true,
  updatedAt: null,
  updatedBy: null,
};
const dryRun = (period: number): DryRun => ({ at: DASHBOARD.at, change: { key: 'sms_log', period }, total: 3, byRule: [{ rule: 'sms_90_days', kind: 'sms', count: 3 }], requests: [] });

function setup() {
  let rules = [RULE];
  const api = createFakeDeskApi({
    'retention.dashboard': () => DASHBOARD,
    'retention.rules': () => rules,
    'retention.dryRun': (input) => dryRun(input.change!.period),
    'retention.changeRule': (input) => (rules = [{ ...RULE, period: input.period, updatedBy: 'Sina' }]),
  });
  const announce = vi.fn();
  const onAuthLost = vi.fn();
  const store = createRetentionStore({ service: createDeskService(api), announce, onAuthLost });
  return { api, store, announce, onAuthLost };
}

describe('retention store', () => {
  it('applies a rule change only after the dry run of exactly that change', async () => {
    const { api, store } = setup();
    expect(await store.getState().apply({ key: 'sms_log', period: 60 })).toBe(false);
    expect(store.getState().ruleError).toMatch(/Probelauf/);
    await store.getState().preview({ key: 'sms_log', period: 30 });
    expect(await store.getState().apply({ key: 'sms_log', period: 60 })).toBe(false);
    await store.getState().preview({ key: 'sms_log', period: 60 });
    expect(store.getState().dryRun?.total).toBe(3);
    expect(await store.getState().apply({ key: 'sms_log', period: 60 })).toBe(true);
    expect(store.getState().rules[0]).toMatchObject({ period: 60 });
    expect(store.getState().dryRun).toBeNull();
    expect(api.calls.filter((c) => c.channel === 'retention.changeRule')).toHaveLength(1);
  });

  it('shows the core refusal at the rule form, clears the old dry run, and hands a lost session back', async () => {
    const { api, store, onAuthLost } = setup();
    await store.getState().preview({ key: 'sms_log', period: 30 });
    expect(store.getState().dryRun?.total).toBe(3);
    api.handlers['retention.dryRun'] = () => {
      throw deskError('invalid_input', 'Die Frist darf höchstens 90 Tage betragen; eine Regel darf nur verschärft werden.');
    };
    await store.getState().preview({ key: 'sms_log', period: 120 });
    expect(store.getState().ruleError).toMatch(/höchstens 90 Tage/);
    expect(store.getState().dryRun).toBeNull();
    expect(store.getState().error).toBeNull();
    // The form's own refusal does the same; a successful dry run clears it.
    store.getState().refuseRuleChange('Bitte die Frist als ganze Zahl ab 0 eingeben.');
    expect(store.getState().ruleError).toMatch(/ganze Zahl/);
    api.handlers['retention.dryRun'] = (input) => dryRun(input.change!.period);
    await store.getState().preview({ key: 'sms_log', period: 30 });
    expect(store.getState().ruleError).toBeNull();
    expect(store.getState().busy).toBe(false);
    api.handlers['retention.dashboard'] = () => {
      throw deskError('session_expired', 'Die Sitzung ist abgelaufen.');
    };
    await store.getState().load();
    expect(onAuthLost).toHaveBeenCalledWith('Die Sitzung ist abgelaufen.');
  });
});
