// The callback table's model for @tanstack/react-table v9: features and columns at module scope
// (stable references) and German text for display. The core sorts (queue-window.ts, by the column
// ids below); the table keeps the headers, the sort toggles and aria-sort.
import { createColumnHelper, metaHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { QueueRow } from '../../../shared/views';
import { formatDateTime, formatPreferredSlotCompact } from '../format/datetime';
import { DUE_LABELS, KIND_LABELS, ownerLabel, STATUS_LABELS, TOPIC_LABELS } from '../format/labels';

export interface QueueColumnMeta {
  /** Class for the column's header and cells. */
  className?: string;
}

export const queueFeatures = tableFeatures({
  rowSortingFeature,
  columnMeta: metaHelper<QueueColumnMeta>(),
});

const helper = createColumnHelper<typeof queueFeatures, QueueRow>();

export const queueColumns = helper.columns([
  helper.accessor((row) => KIND_LABELS[row.kind], { id: 'kind', header: 'Art' }),
  helper.accessor('receivedAt', {
    id: 'received',
    header: 'Eingang',
    cell: (info) => formatDateTime(info.getValue()),
    // Newest first on the first click; every other column starts ascending.
    sortDescFirst: true,
    meta: { className: 'col-date' },
  }),
  helper.accessor((row) => formatPreferredSlotCompact(row.preferredDate, row.preferredWindow), {
    id: 'due',
    header: 'Wunschtermin',
    meta: { className: 'col-date' },
  }),
  helper.accessor((row) => TOPIC_LABELS[row.topic], { id: 'topic', header: 'Thema' }),
  helper.accessor((row) => STATUS_LABELS[row.status], { id: 'status', header: 'Status' }),
  helper.accessor((row) => ownerLabel(row.owner), { id: 'owner', header: 'Bearbeiter' }),
  helper.accessor('attempts', { id: 'attempts', header: 'Versuche', meta: { className: 'col-number' } }),
  helper.accessor((row) => (row.due ? DUE_LABELS[row.due] : '–'), { id: 'dueState', header: 'Fälligkeit' }),
]);

export const getQueueRowId = (row: QueueRow) => row.id;

/** The aria-sort value of a column header. */
export function ariaSort(sorted: false | 'asc' | 'desc'): 'ascending' | 'descending' | undefined {
  if (sorted === 'asc') return 'ascending';
  if (sorted === 'desc') return 'descending';
  return undefined;
}
