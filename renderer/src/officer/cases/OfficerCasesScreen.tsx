// The officer's confidential cases: the list of their own office's cases (the agents' table, with
// search and sorting) beside the opened one.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { formatDateTimeCompact } from '../../format/datetime';
import { KIND_LABELS } from '../../format/labels';
import { plural } from '../../format/plural';
import { useDesk } from '../../store/StoresContext';
import type { OfficerCasesStore } from '../../store/officer/officer-cases-store';
import { DataTable } from '../../ui/table/DataTable';
import { Empty, Loading } from '../../ui/StateMessage';
import { caseColumns, matchesCaseSearch } from './case-columns';
import { CasePanel } from './CasePanel';

const SEARCH_MAX = 200;

export function OfficerCasesScreen({ store }: { store: OfficerCasesStore }) {
  const { rows, loaded, includeClosed, open, load, refresh, select } = useStore(store);
  const { service } = useDesk();
  const [search, setSearch] = useState('');
  useEffect(() => {
    void load();
    // The feed brings new cases and claims at any time: refetch on the host's queue events.
    return service.subscribe((event) => {
      if (event.type === 'changed' && event.scope === 'queue') void refresh();
    });
  }, [load, refresh, service]);
  const openId = open?.detail.row.id ?? null;
  const shown = rows.filter((row) => matchesCaseSearch(row, search));
  return (
    <main className="workspace officer-cases">
      <section aria-labelledby="officer-cases-heading" className="panel queue">
        <div className="queue-toolbar">
          <h1 id="officer-cases-heading" tabIndex={-1} className="queue-heading">
            Vertrauliche Fälle
          </h1>
          <span className="queue-count">{loaded ? plural(rows.length, 'Fall', 'Fälle') : ''}</span>
        </div>
        <div className="queue-filters">
          <div className="filter-search">
            <label htmlFor="case-search">Suchen</label>
            <input
              id="case-search"
              type="search"
              value={search}
              maxLength={SEARCH_MAX}
              placeholder="Art, Betreff, Status …"
              onChange={(e) => setSearch(e.target.value)}
              aria-describedby="case-search-hint"
            />
            <span id="case-search-hint" className="field-hint">
              Betreffe sind nur bei übernommenen Fällen durchsuchbar.
            </span>
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={includeClosed} onChange={(e) => void load(e.target.checked)} />
            Abgeschlossene zeigen
          </label>
        </div>
        {!loaded ? (
          <Loading testId="officer-cases-loading">Fälle werden geladen …</Loading>
        ) : rows.length === 0 ? (
          <Empty testId="officer-cases-empty">
            {includeClosed ? 'Für Ihr Amt gibt es keine Fälle.' : 'Keine offenen Fälle für Ihr Amt. Abgeschlossene zeigt das Häkchen oben.'}
          </Empty>
        ) : shown.length === 0 ? (
          <Empty testId="officer-cases-empty">
            Kein Fall passt zu „{search}“.{' '}
            <button type="button" className="button-link" onClick={() => setSearch('')}>
              Suche leeren
            </button>
          </Empty>
        ) : (
          <DataTable
            labelledBy="officer-cases-heading"
            testId="officer-cases"
            columns={caseColumns}
            data={shown}
            getRowId={(row) => row.id}
            initialSorting={[{ id: 'received', desc: false }]}
            selectedId={openId}
            onOpen={(row) => void select(row.id)}
            openLabel={(row) => `Details zu ${KIND_LABELS[row.kind]} vom ${formatDateTimeCompact(row.receivedAt)}`}
            rowAttributes={(row) => ({ 'data-testid': `officer-case-${row.id}`, 'data-kind': row.kind, 'data-status': row.status })}
          />
        )}
      </section>
      <CasePanel store={store} />
    </main>
  );
}
