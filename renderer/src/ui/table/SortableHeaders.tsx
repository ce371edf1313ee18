// The header row of every table in the desk (the agents' queue, officers' cases, the
// Prüfprotokoll, SMS results): one sort button per sortable column inside `th[aria-sort]`, so
// sorting works and sounds the same everywhere.
import type { ComponentType } from 'react';
import type { Header, HeaderGroup, RowData } from '@tanstack/react-table';
import type { DeskTableFeatures } from './table-features';

/** The aria-sort value of a column header. */
export function ariaSort(sorted: false | 'asc' | 'desc'): 'ascending' | 'descending' | undefined {
  if (sorted === 'asc') return 'ascending';
  if (sorted === 'desc') return 'descending';
  return undefined;
}

interface Props<T extends RowData> {
  groups: HeaderGroup<DeskTableFeatures, T>[];
  FlexRender: ComponentType<{ header: Header<DeskTableFeatures, T, unknown> }>;
  /** A trailing column without a sort button (the rows' "Details" buttons), named for screen readers. */
  actionColumn?: string;
}

export function SortableHeaders<T extends RowData>({ groups, FlexRender, actionColumn }: Props<T>) {
  return (
    <thead>
      {groups.map((group) => (
        <tr key={group.id} aria-rowindex={1}>
          {group.headers.map((header) => {
            const sorted = header.column.getIsSorted();
            return (
              <th key={header.id} scope="col" aria-sort={ariaSort(sorted)} className={header.column.columnDef.meta?.className}>
                {header.column.getCanSort() ? (
                  <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                    <FlexRender header={header} />
                    <span className={`sort-indicator sort-${sorted || 'none'}`} aria-hidden="true" />
                  </button>
                ) : (
                  <FlexRender header={header} />
                )}
              </th>
            );
          })}
          {actionColumn !== undefined && (
            <th scope="col">
              <span className="visually-hidden">{actionColumn}</span>
            </th>
          )}
        </tr>
      ))}
    </thead>
  );
}
