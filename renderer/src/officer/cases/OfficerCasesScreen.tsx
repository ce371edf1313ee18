// The officer's confidential cases: the list of their own office's cases beside the opened one.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { formatDateTime } from '../../format/datetime';
import { KIND_LABELS, STATUS_LABELS, ownerLabel } from '../../format/labels';
import { useDesk } from '../../store/StoresContext';
import type { OfficerCasesStore } from '../../store/officer/officer-cases-store';
import { CasePanel } from './CasePanel';

export function OfficerCasesScreen({ store }: { store: OfficerCasesStore }) {
  const { rows, includeClosed, open, load, select } = useStore(store);
  const { service } = useDesk();
  useEffect(() => {
    void load();
    // The feed brings new cases and claims at any time: refetch on the host's queue events.
    return service.subscribe((event) => {
      if (event.type === 'changed' && event.scope === 'queue') void load();
    });
  }, [load, service]);
  const openId = open?.detail.row.id ?? null;
  return (
    <main className="workspace officer-cases">
      <section aria-labelledby="officer-cases-heading" className="panel">
        <div className="panel-head">
          <h2 id="officer-cases-heading" tabIndex={-1}>
            Vertrauliche Fälle
          </h2>
          <label className="checkbox">
            <input type="checkbox" checked={includeClosed} onChange={(e) => void load(e.target.checked)} />
            Abgeschlossene zeigen
          </label>
        </div>
        {rows.length === 0 ? (
          <p data-testid="officer-cases-empty">Keine Fälle.</p>
        ) : (
          <table className="officer-table" data-testid="officer-cases">
            <thead>
              <tr>
                <th scope="col">Art</th>
                <th scope="col">Eingang</th>
                <th scope="col">Status</th>
                <th scope="col">Bearbeitung</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid={`officer-case-${row.id}`} data-kind={row.kind} aria-selected={row.id === openId}>
                  <td>
                    <button type="button" className="button-link" onClick={() => void select(row.id)}>
                      {KIND_LABELS[row.kind]}
                    </button>
                  </td>
                  <td>{formatDateTime(row.receivedAt)}</td>
                  <td>{STATUS_LABELS[row.status]}</td>
                  <td>{ownerLabel(row.owner)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <CasePanel store={store} />
    </main>
  );
}
