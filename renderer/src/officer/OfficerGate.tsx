// Top-level navigation of the officers' desk: confidential cases for dpo/equality, SMS lookup and
// disclosures for dpo/supervisor. Everyone else sees `children` (the rest of the desk) unchanged.
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { AreaLoading } from '../shell/AreaLoading';
import { useDesk, useSession } from '../store/StoresContext';
import { createOfficerCasesStore } from '../store/officer/officer-cases-store';
import { createSmsDeskStore } from '../store/officer/sms-desk-store';
import { officerViews, VIEW_LABELS, type OfficerView } from './officer-nav';

// Loaded when an officer first opens them: agents never parse these screens and their charts.
const OfficerCasesScreen = lazy(() => import('./cases/OfficerCasesScreen').then((m) => ({ default: m.OfficerCasesScreen })));
const SmsLookupScreen = lazy(() => import('./lookup/SmsLookupScreen').then((m) => ({ default: m.SmsLookupScreen })));
const DisclosuresScreen = lazy(() => import('./disclosures/DisclosuresScreen').then((m) => ({ default: m.DisclosuresScreen })));

export function OfficerGate({ children }: { children: ReactNode }) {
  const roles = useSession((s) => s.session?.user.roles ?? []);
  const views = officerViews(roles);
  const [chosen, setChosen] = useState<OfficerView | null>(null);
  const { stores, service } = useDesk();
  // Created per signed-in mount: logging out unmounts the gate and drops all officer data.
  const officerStores = useMemo(() => {
    const deps = {
      service,
      announce: (text: string, tone?: 'info' | 'success' | 'error') => stores.notice.getState().announce(text, tone),
      onAuthLost: (message: string) => stores.session.getState().sessionLost(message),
    };
    return { cases: createOfficerCasesStore(deps), sms: createSmsDeskStore(deps) };
  }, [stores, service]);

  if (views.length === 0) return <>{children}</>;
  const view = chosen && views.includes(chosen) ? chosen : (views.find((v) => v === 'cases') ?? views[0]!);
  return (
    <>
      <nav className="officer-nav" aria-label="Beauftragte">
        {views.map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => setChosen(v)}>
            {v === 'workbench' && roles.every((r) => r === 'supervisor') ? 'Aufsicht' : VIEW_LABELS[v]}
          </button>
        ))}
      </nav>
      {view === 'workbench' && children}
      <Suspense fallback={<AreaLoading />}>
        {view === 'cases' && <OfficerCasesScreen store={officerStores.cases} />}
        {view === 'lookup' && <SmsLookupScreen store={officerStores.sms} onOpenDisclosures={() => setChosen('disclosures')} />}
        {view === 'disclosures' && <DisclosuresScreen store={officerStores.sms} />}
      </Suspense>
    </>
  );
}
