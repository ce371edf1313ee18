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

/**
 * Each column's text for a row. The rows render these directly, without the table's cell objects
 * and a renderer component per cell: a new search result draws ≈ 30 rows × 8 cells at once, and
 * that render decided the keystroke-to-paint time (issue 19). The column definitions below show
 * the same text, for the table model and its tests.
 */
export const queueCellText = {
  kind: (row: QueueRow) => KIND_SHORT_LABELS[row.kind],
  received: (row: QueueRow) => formatDateTimeCompact(row.receivedAt),
  due: (row: QueueRow) => formatPreferredSlotCompact(row.preferredDate, row.preferredWindow),
  topic: (row: QueueRow) => TOPIC_LABELS[row.topic],
  status: (row: QueueRow) => STATUS_LABELS[row.status],
  owner: (row: QueueRow) => ownerLabel(row.owner),
  attempts: (row: QueueRow) => String(row.attempts),
  dueState: (row: QueueRow) => (row.due ? DUE_LABELS[row.due] : '–'),
} satisfies Record<string, (row: QueueRow) => string>;

export type QueueColumnId = keyof typeof queueCellText;

export const queueColumns = helper.columns([
  helper.accessor(queueCellText.kind, { id: 'kind', header: 'Art' }),
  helper.accessor('receivedAt', {
    id: 'received',
    header: 'Eingang',
    cell: (info) => queueCellText.received(info.row.original),
    // Newest first on the first click; every other column starts ascending.
    sortDescFirst: true,
    meta: { className: 'col-date' },
  }),
  helper.accessor(queueCellText.due, { id: 'due', header: 'Wunschtermin', meta: { className: 'col-date' } }),
  // Wraps like the owner: "Online-Zugang löschen" in one line pushed the table past a 1280 px window.
  helper.accessor(queueCellText.topic, { id: 'topic', header: 'Thema', meta: { className: 'col-wrap' } }),
  helper.accessor(queueCellText.status, { id: 'status', header: 'Status' }),
  helper.accessor(queueCellText.owner, { id: 'owner', header: 'Bearbeiter', meta: { className: 'col-wrap' } }),
  helper.accessor('attempts', { id: 'attempts', header: 'Versuche', meta: { className: 'col-number' } }),
  helper.accessor(queueCellText.dueState, { id: 'dueState', header: 'Fälligkeit' }),
]);

export const getQueueRowId = (row: QueueRow) => row.id;

export { ariaSort } from '../ui/table/SortableHeaders';
