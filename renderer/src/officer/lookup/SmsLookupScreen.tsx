// The SMS misuse lookup: by customer number or by IP address / network, in a time range, always
// with a case reference and a purpose from a fixed list (the core audits each lookup). Errors
// stand next to their fields; a new lookup or error replaces the old result.
import { useStore } from 'zustand';
import type { SmsDeskStore } from '../../store/officer/sms-desk-store';
import { ErrorBanner, Loading } from '../../ui/StateMessage';
import { DisclosureForm } from './DisclosureForm';
import { LogLookupForm } from './LogLookupForm';
import { SmsLookupResults } from './SmsLookupResults';

export function SmsLookupScreen({ store, onOpenDisclosures }: { store: SmsDeskStore; onOpenDisclosures: () => void }) {
  const { report, busy, error, lookup, clearReport } = useStore(store);
  return (
    <main className="workspace workspace-single officer-page" aria-labelledby="lookup-heading">
      <section className="panel">
        <h1 id="lookup-heading" className="queue-heading">
          SMS-Missbrauchsabfrage
        </h1>
        <LogLookupForm log="Das SMS-Protokoll" busy={busy} onQuery={(query) => void lookup(query)} onInvalid={clearReport} />
      </section>
      {busy && <Loading>Abfrage läuft …</Loading>}
      {error && !busy && <ErrorBanner testId="lookup-error">{error}</ErrorBanner>}
      {report && <SmsLookupResults store={store} />}
      {report && report.records.length > 0 && <DisclosureForm store={store} onCreated={onOpenDisclosures} />}
    </main>
  );
}
