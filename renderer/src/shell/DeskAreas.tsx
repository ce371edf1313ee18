// The signed-in areas behind the one navigation. Officers' and supervisors' screens load on first
// use (agents never parse them); their stores are created per signed-in mount, so logging out
// drops all their data.
import { lazy, Suspense, useMemo, useState } from 'react';
import { CallbackQueue } from '../queue/CallbackQueue';
import { RequestPanel } from '../queue/RequestPanel';
import { createOfficerCasesStore } from '../store/officer/officer-cases-store';
import { createPortalLookupStore } from '../store/officer/portal-lookup-store';
import { createSmsDeskStore } from '../store/officer/sms-desk-store';
import { useDesk, useSession } from '../store/StoresContext';
import { AreaLoading } from './AreaLoading';
import { AreaNav } from './AreaNav';
import { areasFor, type DeskArea } from './desk-areas';
import { FirstSyncGate } from './FirstSyncGate';

const OfficerCasesScreen = lazy(() => import('../officer/cases/OfficerCasesScreen').then((m) => ({ default: m.OfficerCasesScreen })));
const SmsLookupScreen = lazy(() => import('../officer/lookup/SmsLookupScreen').then((m) => ({ default: m.SmsLookupScreen })));
const PortalLookupScreen = lazy(() => import('../officer/portal/PortalLookupScreen').then((m) => ({ default: m.PortalLookupScreen })));
const DisclosuresScreen = lazy(() => import('../officer/disclosures/DisclosuresScreen').then((m) => ({ default: m.DisclosuresScreen })));
const DeletionDashboardScreen = lazy(() => import('../supervisor/DeletionDashboardScreen').then((m) => ({ default: m.DeletionDashboardScreen })));
const AuditPanel = lazy(() => import('../supervisor/AuditPanel').then((m) => ({ default: m.AuditPanel })));

export function DeskAreas({ onHelp }: { onHelp: () => void }) {
  const roles = useSession((s) => s.session?.user.roles ?? []);
  const areas = areasFor(roles);
  const [chosen, setChosen] = useState<DeskArea | null>(null);
  const { stores, service } = useDesk();
  const officerStores = useMemo(() => {
    const deps = {
      service,
      announce: (text: string, tone?: 'info' | 'success' | 'error') => stores.notice.getState().announce(text, tone),
      onAuthLost: (message: string) => stores.session.getState().sessionLost(message),
      pendingClose: stores.pendingClose,
    };
    return { cases: createOfficerCasesStore(deps), sms: createSmsDeskStore(deps), portal: createPortalLookupStore(deps) };
  }, [stores, service]);
  const area = chosen && areas.includes(chosen) ? chosen : areas[0];

  return (
    <>
      {area && <AreaNav areas={areas} current={area} onChoose={setChosen} />}
      <FirstSyncGate>
        <Suspense fallback={<AreaLoading />}>
          {area === 'queue' && (
            <main className="workspace">
              <CallbackQueue onHelp={onHelp} />
              <RequestPanel />
            </main>
          )}
          {area === 'cases' && <OfficerCasesScreen store={officerStores.cases} />}
          {area === 'lookup' && <SmsLookupScreen store={officerStores.sms} onOpenDisclosures={() => setChosen('disclosures')} />}
          {area === 'portal' && <PortalLookupScreen store={officerStores.portal} />}
          {area === 'disclosures' && <DisclosuresScreen store={officerStores.sms} />}
          {area === 'deletion' && (
            <main className="workspace workspace-single">
              <DeletionDashboardScreen />
            </main>
          )}
          {area === 'audit' && (
            <main className="workspace workspace-single">
              <AuditPanel />
            </main>
          )}
        </Suspense>
      </FirstSyncGate>
    </>
  );
}
