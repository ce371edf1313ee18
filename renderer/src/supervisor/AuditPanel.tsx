// The supervisors' Prüfprotokoll (issue 6, item 5): the hash-chained audit log with filters, the
// chain's verdict over the whole log, paging, and the CSV export (which the core audits too).
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { AuditVerdictView } from '../../../shared/channels/audit-channels';
import { createAuditStore } from '../store/audit/audit-store';
import { useDesk } from '../store/StoresContext';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { downloadExport } from './download-file';

function ChainStatus({ verdict }: { verdict: AuditVerdictView }) {
  return verdict.ok ? (
    <p className="audit-chain" data-testid="audit-chain" data-ok="true" role="status">
      Kette intakt ({verdict.entries} Einträge geprüft)
    </p>
  ) : (
    <p className="audit-chain" data-testid="audit-chain" data-ok="false" role="alert">
      Kette beschädigt ab Eintrag {verdict.brokenAt}: {verdict.reason}
    </p>
  );
}

export function AuditPanel() {
  const { stores, service } = useDesk();
  // Per mount: leaving the view drops the entries.
  const store = useMemo(
    () =>
      createAuditStore({
        service,
        announce: (text, tone) => stores.notice.getState().announce(text, tone),
        onAuthLost: (message) => stores.session.getState().sessionLost(message),
      }),
    [stores, service],
  );
  const { entries, verdict, more, busy, error } = useStore(store);

  useEffect(() => {
    void store.getState().load();
  }, [store]);

  const exportCsv = async () => {
    const file = await store.getState().exportCsv();
    if (file) downloadExport(file);
  };

  return (
    <section className="audit-panel" data-testid="audit-panel" aria-labelledby="audit-heading">
      <h2 id="audit-heading" tabIndex={-1}>
        Prüfprotokoll
      </h2>
      <AuditFilters store={store} />
      {error && (
        <p className="form-error" role="alert" data-testid="audit-error">
          {error}
        </p>
      )}
      {verdict && <ChainStatus verdict={verdict} />}
      <button type="button" disabled={busy} onClick={() => void exportCsv()}>
        Als CSV exportieren
      </button>
      {verdict ? <AuditTable entries={entries} /> : <p>Wird geladen …</p>}
      {more && (
        <button type="button" disabled={busy} onClick={() => void store.getState().loadMore()}>
          Ältere Einträge laden
        </button>
      )}
    </section>
  );
}
