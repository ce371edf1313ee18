// The callback table's model for @tanstack/react-table v9: features and columns at module scope
// (stable references) and German text for display. The core sorts (queue-window.ts, by the column
// ids below); the table keeps the headers, the sort toggles and aria-sort.
import type { QueueRow } from '../../../shared/views';
import { formatDateTimeCompact, formatPreferredSlotCompact } from '../format/datetime';
import { DUE_LABELS, KIND_SHORT_LABELS, ownerLabel, STATUS_LABELS, TOPIC_LABELS } from '../format/labels';

import { deskColumnHelper, deskTableFeatures } from '../ui/table/table-features';

/** The kit's feature set (STYLE.md 15); the queue sorts in the core (`manualSorting`). */
export const queueFeatures = deskTableFeatures;

const helper = deskColumnHelper<QueueRow>();

export const queueColumns = helper.columns([
  helper.accessor((row) => KIND_SHORT_LABELS[row.kind], { id: 'kind', header: 'Art' }),
  helper.accessor('receivedAt', {
    id: 'received',
    header: 'Eingang',
    cell: (info) => formatDateTimeCompact(info.getValue()),
    // Newest first on the first click; every other column starts ascending.
    sortDescFirst: true,
    meta: { className: 'col-date' },
  }),
  helper.accessor((row) => formatPreferredSlotCompact(row.preferredDate, row.preferredWindow), {
    id: 'due',
    header: 'Wunschtermin',
    meta: { className: 'col-date' },
  }),
  // Wraps like the owner: "Online-Zugang löschen" in one line pushed the table past a 1280 px window.
  helper.accessor((row) => TOPIC_LABELS[row.topic], { id: 'topic', header: 'Thema', meta: { className: 'col-wrap' } }),
  helper.accessor((row) => STATUS_LABELS[row.status], { id: 'status', header: 'Status' }),
  helper.accessor((row) => ownerLabel(row.owner), { id: 'owner', header: 'Bearbeiter', meta: { className: 'col-wrap' } }),
  helper.accessor('attempts', { id: 'attempts', header: 'Versuche', meta: { className: 'col-number' } }),
  helper.accessor((row) => (row.due ? DUE_LABELS[row.due] : '–'), { id: 'dueState', header: 'Fälligkeit' }),
]);

export const getQueueRowId = (row: QueueRow) => row.id;

export { ariaSort } from '../ui/table/SortableHeaders';
