// The supervisors' deletion dashboard: status per kind, overdue purges, charts, rules with dry
// run, holds, self-test and exports. Counts, ids and staff names only, never personal data.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { createRetentionStore } from '../store/retention/retention-store';
import { useDesk } from '../store/StoresContext';
import { BrokenChainsPanel } from './BrokenChainsPanel';
import { ExportPanel } from './ExportPanel';
import { HoldsPanel } from './HoldsPanel';
import { KindStatusTable, OverdueTable } from './StatusTables';
import { PurgeCharts } from './PurgeCharts';
import { RulesPanel } from './RulesPanel';
import { SelfTestPanel } from './SelfTestPanel';
import { LongRetentionsPanel } from './LongRetentionsPanel';
import { WorkstationsPanel } from './WorkstationsPanel';

export function DeletionDashboardScreen() {
  const { stores, service } = useDesk();
  const [store] = useState(() =>
    createRetentionStore({
      service,
      announce: (text, tone) => stores.notice.getState().announce(text, tone),
      onAuthLost: (message) => stores.session.getState().sessionLost(message),
    }),
  );
  const dashboard = useStore(store, (s) => s.dashboard);
  const error = useStore(store, (s) => s.error);

  useEffect(() => {
    void store.getState().load();
    // Receipts and purges arrive with a sync, and retention emits 'sync' too: refetch then.
    return service.subscribe((event) => {
      if (event.scope === 'sync') void store.getState().load();
    });
  }, [store, service]);

  return (
    <section className="deletion-dashboard" data-testid="deletion-dashboard" aria-labelledby="deletion-heading">
      <h2 id="deletion-heading" tabIndex={-1}>
        Löschübersicht
      </h2>
      {error && (
        <p className="form-error" role="alert" data-testid="retention-error">
          {error}
        </p>
      )}
      {!dashboard ? (
        <p>Wird geladen …</p>
      ) : (
        <>
          <BrokenChainsPanel chains={dashboard.brokenChains} />
          <KindStatusTable dashboard={dashboard} />
          <OverdueTable dashboard={dashboard} />
          <WorkstationsPanel />
          <LongRetentionsPanel />
          <PurgeCharts dashboard={dashboard} />
          <RulesPanel store={store} />
          <HoldsPanel store={store} holds={dashboard.holds} />
          <SelfTestPanel store={store} results={dashboard.selfTests} />
          <ExportPanel store={store} />
        </>
      )}
    </section>
  );
}
