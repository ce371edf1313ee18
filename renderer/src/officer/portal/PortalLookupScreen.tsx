// The portal access log lookup (issue 15): the same form as the SMS lookup, and what matters for a
// portal: failed logins per day, customers logging in from many addresses, addresses shared by
// customers, then the records themselves.
import { useStore } from 'zustand';
import type { PortalLookupStore } from '../../store/officer/portal-lookup-store';
import { ErrorBanner, Loading } from '../../ui/StateMessage';
import { LogLookupForm } from '../lookup/LogLookupForm';
import { PortalLookupResults } from './PortalLookupResults';

export function PortalLookupScreen({ store }: { store: PortalLookupStore }) {
  const { report, busy, error, lookup, clearReport } = useStore(store);
  return (
    <main className="workspace workspace-single officer-page" aria-labelledby="portal-lookup-heading">
      <section className="panel">
        <h1 id="portal-lookup-heading" className="queue-heading">
          Portal-Protokoll: Missbrauchsabfrage
        </h1>
        <LogLookupForm log="Das Portal-Protokoll" busy={busy} onQuery={(query) => void lookup(query)} onInvalid={clearReport} />
      </section>
      {busy && <Loading>Abfrage läuft …</Loading>}
      {error && !busy && <ErrorBanner testId="portal-lookup-error">{error}</ErrorBanner>}
      {report && <PortalLookupResults report={report} />}
    </main>
  );
}
