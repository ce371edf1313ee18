// The desk's table for lists the browser holds whole (officers' cases, the Prüfprotokoll, SMS
// records): the agents' queue's header, row styling and keyboard, sorted in the browser. Rows are
// opened by click, Enter or the row's "Details" button; ↑/↓ (or j/k) move while the table has
// focus. Long lists are virtualised: only rows near the viewport are in the document.
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTable, type ColumnDef, type RowData, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { SortableHeaders } from './SortableHeaders';
import { deskTableFeatures, type DeskTableFeatures } from './table-features';

const ROW_HEIGHT = 41;

export interface DataTableProps<T extends RowData> {
  /** Id of the heading that names the table. */
  labelledBy: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of mixed value types
  columns: ColumnDef<DeskTableFeatures, T, any>[];
  data: T[];
  getRowId: (row: T) => string;
  initialSorting?: SortingState;
  selectedId?: string | null;
  onOpen?: (row: T) => void;
  /** The accessible name of a row's "Details" button; without it rows have no button. */
  openLabel?: (row: T) => string;
  rowAttributes?: (row: T) => Record<string, string | undefined>;
  testId?: string;
  /** Above this many rows only those near the viewport are rendered. */
  virtualizeAbove?: number;
  /** Extra content of a row's last cell (a checkbox, a badge). */
  rowAction?: (row: T) => ReactNode;
  className?: string;
}

export function DataTable<T extends RowData>(props: DataTableProps<T>) {
  const { labelledBy, columns, data, getRowId, initialSorting = [], selectedId = null, onOpen, openLabel, rowAttributes, testId } = props;
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const table = useTable({
    features: deskTableFeatures,
    columns,
    data,
    getRowId,
    state: { sorting },
    onSortingChange: setSorting,
    enableSortingRemoval: false,
  });
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = rows.length > (props.virtualizeAbove ?? 200);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    enabled: virtual,
    useFlushSync: false,
  });
  const items = virtual ? virtualizer.getVirtualItems() : null;
  const indices = items ? items.map((i) => i.index) : rows.map((_, i) => i);
  const padTop = items?.[0]?.start ?? 0;
  const padBottom = items && items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const hasAction = openLabel !== undefined || props.rowAction !== undefined;
  const columnCount = columns.length + (hasAction ? 1 : 0);

  const move = (delta: 1 | -1) => {
    if (rows.length === 0 || !onOpen) return;
    const current = rows.findIndex((r) => r.id === selectedId);
    const next = current === -1 ? 0 : Math.min(rows.length - 1, Math.max(0, current + delta));
    onOpen(rows[next]!.original);
    if (virtual) virtualizer.scrollToIndex(next, { align: 'auto' });
    else scrollRef.current?.querySelector(`[data-index="${next}"]`)?.scrollIntoView({ block: 'nearest' });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return; // keys inside a row's button keep their meaning
    if (event.key === 'ArrowDown' || event.key === 'j') move(1);
    else if (event.key === 'ArrowUp' || event.key === 'k') move(-1);
    else return;
    event.preventDefault();
  };

  return (
    <div
      className={`table-scroll data-table-scroll ${props.className ?? ''}`}
      ref={scrollRef}
      tabIndex={0}
      role="region"
      aria-labelledby={labelledBy}
      onKeyDown={onKeyDown}
    >
      <table className="desk-table" aria-labelledby={labelledBy} aria-rowcount={rows.length + 1} data-testid={testId}>
        <SortableHeaders groups={table.getHeaderGroups()} FlexRender={table.FlexRender} actionColumn={hasAction ? 'Aktion' : undefined} />
        <tbody>
          {padTop > 0 && <SpacerRow height={padTop} columns={columnCount} />}
          {indices.map((index) => {
            const row = rows[index]!;
            const selected = row.id === selectedId;
            return (
              <tr
                key={row.id}
                data-index={index}
                aria-rowindex={index + 2}
                aria-current={selected ? 'true' : undefined}
                className={`${selected ? 'row-selected' : ''} ${onOpen ? 'row-openable' : ''}`}
                onClick={onOpen ? () => onOpen(row.original) : undefined}
                {...rowAttributes?.(row.original)}
              >
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={cell.column.columnDef.meta?.className}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
                {hasAction && (
                  <td className="col-action">
                    {props.rowAction?.(row.original)}
                    {openLabel && onOpen && (
                      <button
                        type="button"
                        className="button-link"
                        aria-label={openLabel(row.original)}
                        onClick={(event) => {
                          event.stopPropagation();
                          onOpen(row.original);
                        }}
                      >
                        Details
                      </button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
          {padBottom > 0 && <SpacerRow height={padBottom} columns={columnCount} />}
        </tbody>
      </table>
    </div>
  );
}

/** Keeps the scroll height of the rows not rendered. Height via CSSOM, which the CSP allows. */
export function SpacerRow({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden="true" className="spacer-row">
      <td colSpan={columns} style={{ height }} />
    </tr>
  );
}
