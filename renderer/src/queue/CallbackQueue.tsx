// The work queue (callbacks and contact requests) as a sortable, filterable table. Large queues
// are virtualised; small ones are rendered whole so every row is in the document (find-in-page,
// tests, screen readers). Live refreshes replace the data but keep this component, its scroll
// position, filters and the selection.
import { useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTable, type Row, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useQueue } from '../store/StoresContext';
import type { QueueRow } from '../../../shared/views';
import { countRows, NO_FILTER, prepareSearch, refineFilter, type FilterResult, type QueueFilterState } from './queue-filter';
import { QueueFilters } from './QueueFilters';
import { ariaSort, DEFAULT_QUEUE_SORTING, getQueueRowId, queueColumns, queueFeatures, sortQueueRows } from './queue-table';
import { QueueTableRow } from './QueueTableRow';
import { useWorkbenchKeys } from './use-workbench-keys';

const ROW_HEIGHT = 41;
const VIRTUALIZE_ABOVE = 500;

export function CallbackQueue({ onHelp }: { onHelp?: () => void } = {}) {
  const allRows = useQueue((s) => s.rows);
  const listStatus = useQueue((s) => s.listStatus);
  const listLoaded = useQueue((s) => s.listLoaded);
  const listError = useQueue((s) => s.listError);
  const selectedId = useQueue((s) => s.selectedId);
  const select = useQueue((s) => s.select);
  const load = useQueue((s) => s.load);

  const [sorting, setSorting] = useState<SortingState>(DEFAULT_QUEUE_SORTING);
  const [filter, setFilter] = useState<QueueFilterState>(NO_FILTER);
  // Typing in the search field stays responsive at 100,000 rows: filtering may lag a frame.
  const deferredFilter = useDeferredValue(filter);
  const counts = useMemo(() => countRows(allRows), [allRows]);
  // Sorted once per (rows, sorting) change, and the table builds its rows for them then. A
  // keystroke only filters those rows (one pass over cached search texts, over the previous result
  // while the search grows), which keeps their order and reuses the table's row objects.
  const sortedRows = useMemo(() => sortQueueRows(allRows, sorting), [allRows, sorting]);
  const table = useTable({
    features: queueFeatures,
    columns: queueColumns,
    data: sortedRows,
    getRowId: getQueueRowId,
    state: { sorting },
    onSortingChange: setSorting,
    // The data is already sorted (sortQueueRows); the table keeps the headers, aria-sort, toggles.
    manualSorting: true,
    enableSortingRemoval: false,
    // Ascending first everywhere (soonest, "Offen" first); only "Eingang" starts with the newest.
    sortDescFirst: false,
  });
  const sortedTableRows = table.getRowModel().rows;
  // The last filtering, kept across renders (any kept result is valid for its own inputs).
  const [lastFilter] = useState<{ current: FilterResult<QueueTableRowModel> | null }>(() => ({ current: null }));
  const rows = useMemo(() => {
    lastFilter.current = refineFilter(lastFilter.current, sortedTableRows, deferredFilter, originalOf);
    return lastFilter.current.result;
  }, [lastFilter, sortedTableRows, deferredFilter]);
  useSearchPreparedInIdleTime(allRows);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = rows.length > VIRTUALIZE_ABOVE;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    enabled: virtual,
    useFlushSync: false,
  });

  // Live refreshes may insert rows above the viewport: keep the first visible row where it was.
  const anchor = useRef<{ id: string; offset: number } | null>(null);
  const rememberAnchor = () => {
    const el = scrollRef.current;
    if (!el || el.scrollTop === 0) {
      anchor.current = null; // at the top, new entries on top should show
      return;
    }
    const index = Math.min(rows.length - 1, Math.floor(el.scrollTop / ROW_HEIGHT));
    const row = rows[index];
    anchor.current = row ? { id: row.original.id, offset: el.scrollTop - index * ROW_HEIGHT } : null;
  };
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const a = anchor.current;
    if (!el || !a) return;
    const index = rows.findIndex((r) => r.original.id === a.id);
    if (index < 0) return;
    const wanted = index * ROW_HEIGHT + a.offset;
    if (Math.abs(el.scrollTop - wanted) > 1) el.scrollTop = wanted;
  }, [rows]);

  useWorkbenchKeys({ rows, selectedId, select, virtualizer: virtual ? virtualizer : null, scrollRef, onHelp });

  const items = virtual ? virtualizer.getVirtualItems() : null;
  const visible = items ? items.map((item) => ({ row: rows[item.index]!, index: item.index })) : rows.map((row, index) => ({ row, index }));
  const padTop = items?.[0]?.start ?? 0;
  const padBottom = items && items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const columnCount = queueColumns.length + 1;

  return (
    <section className="queue" aria-labelledby="queue-heading">
      <div className="queue-toolbar">
        <h1 id="queue-heading" tabIndex={-1} className="queue-heading">
          Rückrufe und Kontaktanfragen
        </h1>
        <span className="queue-count" data-testid="queue-count">
          {listLoaded && (allRows.length > 0 || !listError) ? `${allRows.length} in der Warteschlange` : ''}
        </span>
        {onHelp && (
          <button type="button" className="button-secondary" onClick={onHelp} aria-keyshortcuts="?">
            Tastenkürzel
          </button>
        )}
        <button type="button" className="button-secondary" onClick={() => void load()} aria-busy={listStatus === 'loading'}>
          Aktualisieren
        </button>
      </div>

      {listError && (
        <div className="banner banner-error" role="alert" data-testid="queue-error">
          <span>Warteschlange konnte nicht geladen werden: {listError}</span>
          <button type="button" className="button-secondary" onClick={() => void load()}>
            Erneut versuchen
          </button>
        </div>
      )}

      {listLoaded && allRows.length > 0 && <QueueFilters filter={filter} counts={counts} shown={rows.length} onChange={setFilter} />}

      {!listLoaded ? (
        <p className="placeholder" data-testid="queue-loading">
          Rückrufe werden geladen …
        </p>
      ) : allRows.length === 0 && !listError ? (
        <p className="placeholder" data-testid="queue-empty">
          Keine Rückrufe in der Warteschlange und keine Kontaktanfragen.
        </p>
      ) : rows.length === 0 && allRows.length > 0 ? (
        <p className="placeholder" data-testid="queue-empty">
          Keine Einträge für diese Filter.{' '}
          <button type="button" className="button-link" onClick={() => setFilter(NO_FILTER)}>
            Filter zurücksetzen
          </button>
        </p>
      ) : rows.length > 0 ? (
        <div className="table-scroll" ref={scrollRef} onScroll={rememberAnchor}>
          <table className="queue-table" aria-labelledby="queue-heading" aria-rowcount={rows.length + 1}>
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id} aria-rowindex={1}>
                  {group.headers.map((header) => {
                    const sorted = header.column.getIsSorted();
                    return (
                      <th key={header.id} scope="col" aria-sort={ariaSort(sorted)} className={header.column.columnDef.meta?.className}>
                        <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                          <table.FlexRender header={header} />
                          <span className={`sort-indicator sort-${sorted || 'none'}`} aria-hidden="true" />
                        </button>
                      </th>
                    );
                  })}
                  <th scope="col">
                    <span className="visually-hidden">Aktion</span>
                  </th>
                </tr>
              ))}
            </thead>
            <tbody>
              {padTop > 0 && <SpacerRow height={padTop} columns={columnCount} />}
              {visible.map(({ row, index }) => (
                <QueueTableRow
                  key={row.id}
                  row={row}
                  index={index}
                  selected={row.original.id === selectedId}
                  select={select}
                  FlexRender={table.FlexRender}
                />
              ))}
              {padBottom > 0 && <SpacerRow height={padBottom} columns={columnCount} />}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

type QueueTableRowModel = Row<typeof queueFeatures, QueueRow>;
const originalOf = (row: QueueTableRowModel) => row.original;

/** Builds the rows' search texts in idle time after a load, so the first keystroke is cheap too. */
function useSearchPreparedInIdleTime(rows: readonly QueueRow[]) {
  useEffect(() => {
    let from = 0;
    let handle = 0;
    const idle = typeof requestIdleCallback === 'function';
    const step = (deadline?: IdleDeadline) => {
      do {
        prepareSearch(rows, from, from + 2_000);
        from += 2_000;
      } while (from < rows.length && deadline && deadline.timeRemaining() > 4);
      if (from < rows.length) schedule();
    };
    const schedule = () => {
      handle = idle ? requestIdleCallback(step, { timeout: 1_000 }) : window.setTimeout(step, 0);
    };
    if (rows.length > 0) schedule();
    return () => (idle ? cancelIdleCallback(handle) : window.clearTimeout(handle));
  }, [rows]);
}

/** Keeps the scroll height of the rows not rendered. Height via CSSOM, which the CSP allows. */
function SpacerRow({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden="true" className="spacer-row">
      <td colSpan={columns} style={{ height }} />
    </tr>
  );
}
