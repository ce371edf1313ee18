// The supervisors' workspace: the deletion dashboard and the Prüfprotokoll as two tabs.
import { useState } from 'react';
import { AuditPanel } from './AuditPanel';
import { DeletionDashboardScreen } from './DeletionDashboardScreen';

const TABS = { deletion: 'Löschübersicht', audit: 'Prüfprotokoll' } as const;

export function SupervisorArea() {
  const [tab, setTab] = useState<keyof typeof TABS>('deletion');
  return (
    <main className="workspace supervisor-workspace">
      <nav className="supervisor-tabs" aria-label="Aufsicht">
        {(Object.keys(TABS) as (keyof typeof TABS)[]).map((key) => (
          <button key={key} type="button" aria-pressed={tab === key} onClick={() => setTab(key)}>
            {TABS[key]}
          </button>
        ))}
      </nav>
      {tab === 'deletion' ? <DeletionDashboardScreen /> : <AuditPanel />}
    </main>
  );
}
