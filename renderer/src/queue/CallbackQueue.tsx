// The work queue (callbacks and contact requests) as a sortable, filterable table. The core
// filters, sorts and counts; this component shows the window of rows the store holds. Large
// queues are virtualised (rows outside the window show as placeholders until they arrive); small
// ones are rendered whole so every row is in the document (find-in-page, tests, screen readers).
// Live refreshes replace the window but keep this component, its scroll position and the selection.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { functionalUpdate, useTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { QueueRow } from '../../../shared/views';
import { useDesk, useQueue } from '../store/StoresContext';
import { claimNextCallback } from '../store/queue/next-callback';
import { isUnfiltered, NO_FILTER } from '../store/queue/queue-query';
import { QueueFilters } from './QueueFilters';
import { getQueueRowId, queueColumns, queueFeatures } from './queue-table';
import { SpacerRow } from '../ui/table/DataTable';
import { SortableHeaders } from '../ui/table/SortableHeaders';
import { QueueTableRow } from './QueueTableRow';
import { useWorkbenchKeys } from './use-workbench-keys';

const ROW_HEIGHT = 41;
const VIRTUALIZE_ABOVE = 500;

export function CallbackQueue({ onHelp }: { onHelp?: () => void } = {}) {
  const window = useQueue((s) => s.window);
  const counts = useQueue((s) => s.counts);
  const filter = useQueue((s) => s.filter);
  const sorting = useQueue((s) => s.sorting);
  const listStatus = useQueue((s) => s.listStatus);
  const listLoaded = useQueue((s) => s.listLoaded);
  const listError = useQueue((s) => s.listError);
  const selectedId = useQueue((s) => s.selectedId);
  const select = useQueue((s) => s.select);
  const selectAt = useQueue((s) => s.selectAt);
  const showRange = useQueue((s) => s.showRange);
  const setFilter = useQueue((s) => s.setFilter);
  const setSorting = useQueue((s) => s.setSorting);
  const load = useQueue((s) => s.load);
  const { stores, service } = useDesk();

  const table = useTable({
    features: queueFeatures,
    columns: queueColumns,
    data: window.rows,
    getRowId: getQueueRowId,
    state: { sorting: sorting as SortingState },
    onSortingChange: (updater) => void setSorting(functionalUpdate(updater, sorting as SortingState)),
    // The core sorts; the table keeps the headers, aria-sort and the toggles.
    manualSorting: true,
    enableSortingRemoval: false,
    // Ascending first everywhere (soonest, "Offen" first); only "Eingang" starts with the newest.
    sortDescFirst: false,
  });
  const total = window.total;
  // The rows straight from the window: the table's row model would wrap each of them anew for every result.
  const rowAt = (index: number): QueueRow | undefined => window.rows[index - window.offset];
  // True while the rows shown answer an older filter or sorting than the one chosen.
  const stale = window.filter !== filter || window.sorting !== sorting;

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = total > VIRTUALIZE_ABOVE;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    enabled: virtual,
    useFlushSync: false,
  });
  const items = virtual ? virtualizer.getVirtualItems() : null;
  const first = items ? (items[0]?.index ?? 0) : 0;
  const last = items ? (items.at(-1)?.index ?? 0) : total - 1;
  // Whatever is on screen gets fetched (the store skips what it holds or is fetching).
  useEffect(() => {
    if (total > 0) void showRange(first, last);
  }, [showRange, first, last, total]);

  // A new filter or sorting starts at the top.
  useEffect(() => {
    anchor.current = null;
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [filter, sorting]);

  // Live refreshes may insert rows above the viewport: keep the selected row where it is when it
  // is in view (new rows may also land between it and the top), else the first visible row.
  const anchor = useRef<{ id: string; offset: number } | null>(null);
  const rememberAnchor = () => {
    const el = scrollRef.current;
    if (!el || el.scrollTop === 0) {
      anchor.current = null; // at the top, new entries on top should show
      return;
    }
    const top = Math.floor(el.scrollTop / ROW_HEIGHT);
    const bottom = Math.floor((el.scrollTop + el.clientHeight) / ROW_HEIGHT);
    const selected = window.rows.findIndex((r) => r.id === selectedId);
    const index = selected >= 0 && window.offset + selected >= top && window.offset + selected < bottom ? window.offset + selected : top;
    const row = rowAt(index);
    anchor.current = row ? { id: row.id, offset: el.scrollTop - index * ROW_HEIGHT } : null;
  };
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const a = anchor.current;
    if (el && a) {
      const i = window.rows.findIndex((r) => r.id === a.id);
      const wanted = (window.offset + i) * ROW_HEIGHT + a.offset;
      // Moving the scroll position fires a scroll event, which anchors again.
      if (i >= 0 && Math.abs(el.scrollTop - wanted) > 1) {
        el.scrollTop = wanted;
        return;
      }
    }
    // The rows under the viewport may only now have arrived (after a jump): anchor to them.
    // (rememberAnchor reads this render's rows; the effect runs once per new window.)
    rememberAnchor();
  }, [window]);
  // A row picked by click or j/k becomes the anchor at once.
  useEffect(() => rememberAnchor(), [selectedId]);

  useWorkbenchKeys({
    position: () => {
      const i = window.rows.findIndex((r) => r.id === selectedId);
      return { current: i < 0 ? -1 : window.offset + i, total };
    },
    selectAt,
    virtualizer: virtual ? virtualizer : null,
    scrollRef,
    onHelp,
  });

  const indices = items ? items.map((item) => item.index) : Array.from({ length: total }, (_, i) => i);
  const padTop = items?.[0]?.start ?? 0;
  const padBottom = items && items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const columnCount = queueColumns.length + 1;
  // Until the counts arrive, an unfiltered window's total is the whole queue.
  const all = counts?.all ?? (!stale && isUnfiltered(window.filter) ? total : null);

  return (
    <section className="queue" aria-labelledby="queue-heading" data-search-shown={window.filter.search}>
      <div className="queue-toolbar">
        <h1 id="queue-heading" tabIndex={-1} className="queue-heading">
          Rückrufe und Kontaktanfragen
        </h1>
        <span className="queue-count" data-testid="queue-count">
          {all !== null && (all > 0 || !listError) ? `${all} in der Warteschlange` : ''}
        </span>
        <button
          type="button"
          className="button-primary"
          aria-keyshortcuts="n"
          data-testid="claim-next"
          onClick={() => void claimNextCallback(stores.queue, service, (t) => stores.notice.getState().announce(t, 'info'))}
        >
          Nächsten Rückruf übernehmen
        </button>
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

      {listLoaded && all !== 0 && <QueueFilters filter={filter} counts={counts} shown={total} onChange={(next) => void setFilter(next)} />}

      {!listLoaded ? (
        <p className="placeholder" data-testid="queue-loading">
          Rückrufe werden geladen …
        </p>
      ) : all === 0 && !listError ? (
        <p className="placeholder" data-testid="queue-empty">
          Keine Rückrufe in der Warteschlange und keine Kontaktanfragen.
        </p>
      ) : total === 0 && all !== 0 && !stale ? (
        <p className="placeholder" data-testid="queue-empty">
          {window.filter.search
            ? `Nichts gefunden für „${window.filter.search}“. Die Suche findet Art, Thema, Status, Bearbeiter und die Vorgangsnummer (z. B. K7QM-4XPA); Namen, Telefonnummern und E-Mail-Adressen der Kundschaft sind aus Datenschutzgründen nicht durchsuchbar.`
            : 'Keine Einträge für diese Filter.'}{' '}
          <button type="button" className="button-link" onClick={() => void setFilter(NO_FILTER)}>
            Filter zurücksetzen
          </button>
        </p>
      ) : total > 0 ? (
        <div className="table-scroll" ref={scrollRef} onScroll={rememberAnchor}>
          <table className="queue-table" aria-labelledby="queue-heading" aria-rowcount={total + 1} aria-busy={stale}>
            <SortableHeaders groups={table.getHeaderGroups()} FlexRender={table.FlexRender} actionColumn="Aktion" />
            <tbody>
              {padTop > 0 && <SpacerRow height={padTop} columns={columnCount} />}
              {indices.map((index) => {
                const row = rowAt(index);
                return row ? (
                  <QueueTableRow key={row.id} request={row} index={index} selected={row.id === selectedId} select={select} />
                ) : (
                  <LoadingRow key={`loading-${index}`} index={index} columns={columnCount} />
                );
              })}
              {padBottom > 0 && <SpacerRow height={padBottom} columns={columnCount} />}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** A row whose entry is still on its way from the core (fast scrolling through a large queue). */
function LoadingRow({ index, columns }: { index: number; columns: number }) {
  return (
    <tr className="loading-row" data-index={index} aria-rowindex={index + 2} aria-busy="true">
      <td colSpan={columns}>…</td>
    </tr>
  );
}
