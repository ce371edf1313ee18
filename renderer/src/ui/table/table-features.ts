// The one feature set of every table in the desk (STYLE.md 15): sorting (done by the core for the
// agents' queue, in the browser for the short lists of officers and supervisors) and a class per
// column. A shared set lets the header row, the rows and the keyboard be one component for all.
import {
  createColumnHelper,
  createSortedRowModel,
  metaHelper,
  type RowData,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
} from '@tanstack/react-table';

export interface DeskColumnMeta {
  /** Class for the column's header and cells (col-date, col-number, col-wrap). */
  className?: string;
}

export const deskTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
  columnMeta: metaHelper<DeskColumnMeta>(),
});

export type DeskTableFeatures = typeof deskTableFeatures;

export const deskColumnHelper = <T extends RowData>() => createColumnHelper<DeskTableFeatures, T>();
