// The callback table's model for @tanstack/react-table v9: features and columns at module scope
// (stable references), values that sort correctly, German text for display.
import {
  createColumnHelper,
  createSortedRowModel,
  metaHelper,
  rowSortingFeature,
  sortFn_basic,
  tableFeatures,
  type SortFn,
  type SortingState,
} from '@tanstack/react-table';
import type { DueState, RequestStatus, QueueRow } from '../../../shared/views';
import { formatDateTime, formatPreferredSlotCompact } from '../format/datetime';
import { DUE_LABELS, KIND_LABELS, ownerLabel, STATUS_LABELS, TOPIC_LABELS } from '../format/labels';

export interface QueueColumnMeta {
  /** Class for the column's header and cells. */
  className?: string;
}

export const queueFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  columnMeta: metaHelper<QueueColumnMeta>(),
});

type Features = typeof queueFeatures;

const collator = new Intl.Collator('de-DE', { sensitivity: 'base', numeric: true });

/** German alphabetical order (ä next to a), not code-unit order. */
const germanText: SortFn<Features, QueueRow> = (a, b, columnId) =>
  collator.compare(String(a.getValue(columnId)), String(b.getValue(columnId)));

/** Workflow order, so "Offen" comes first, not alphabetical order of the labels. */
const STATUS_ORDER: Record<RequestStatus, number> = {
  open: 0,
  claim_pending: 1,
  claimed: 2,
  claimed_elsewhere: 3,
  closed: 4,
};

/** Most urgent first: overdue, due now, later; entries without a window last. */
const DUE_ORDER: Record<DueState, number> = { overdue: 0, due: 1, upcoming: 2 };

const helper = createColumnHelper<Features, QueueRow>();

export const queueColumns = helper.columns([
  helper.accessor((row) => KIND_LABELS[row.kind], { id: 'kind', header: 'Art', sortFn: germanText }),
  helper.accessor('receivedAt', {
    id: 'received',
    header: 'Eingang',
    cell: (info) => formatDateTime(info.getValue()),
    sortFn: sortFn_basic,
    sortDescFirst: true,
    meta: { className: 'col-date' },
  }),
  // RFC 3339 UTC instants sort correctly as strings; requests without a slot go last.
  helper.accessor((row) => row.dueFrom ?? undefined, {
    id: 'due',
    header: 'Wunschtermin',
    cell: (info) => formatPreferredSlotCompact(info.row.original.preferredDate, info.row.original.preferredWindow),
    sortFn: sortFn_basic,
    sortUndefined: 'last',
    meta: { className: 'col-date' },
  }),
  helper.accessor((row) => TOPIC_LABELS[row.topic], { id: 'topic', header: 'Thema', sortFn: germanText }),
  helper.accessor((row) => STATUS_ORDER[row.status], {
    id: 'status',
    header: 'Status',
    cell: (info) => STATUS_LABELS[info.row.original.status],
    sortFn: sortFn_basic,
  }),
  helper.accessor((row) => (row.owner ? ownerLabel(row.owner) : undefined), {
    id: 'owner',
    header: 'Bearbeiter',
    cell: (info) => ownerLabel(info.row.original.owner),
    sortFn: germanText,
    sortUndefined: 'last',
  }),
  helper.accessor('attempts', {
    id: 'attempts',
    header: 'Versuche',
    sortFn: sortFn_basic,
    meta: { className: 'col-number' },
  }),
  helper.accessor((row) => (row.due ? DUE_ORDER[row.due] : undefined), {
    id: 'dueState',
    header: 'Fälligkeit',
    cell: (info) => (info.row.original.due ? DUE_LABELS[info.row.original.due] : '–'),
    sortFn: sortFn_basic,
    sortUndefined: 'last',
  }),
]);

/** Due first: the callback whose window opens soonest is on top. */
export const DEFAULT_QUEUE_SORTING: SortingState = [{ id: 'due', desc: false }];

export const getQueueRowId = (row: QueueRow) => row.id;

/** The aria-sort value of a column header. */
export function ariaSort(sorted: false | 'asc' | 'desc'): 'ascending' | 'descending' | undefined {
  if (sorted === 'asc') return 'ascending';
  if (sorted === 'desc') return 'descending';
  return undefined;
}

/**
 * How each column sorts, on the plain rows: the same values, comparators and "no value last" as
 * the columns above. The queue sorts all rows once per (rows, sorting) change with these and hands
 * the table sorted, filtered data with its own sorting switched off (`manualSorting`), so a search
 * keystroke filters in one pass instead of re-sorting 100,000 rows.
 */
interface SortKey {
  value: (row: QueueRow) => string | number | undefined;
  compare: (a: string | number, b: string | number) => number;
  undefinedLast?: boolean;
}

const compareBasic = (a: string | number, b: string | number) => (a === b ? 0 : a > b ? 1 : -1);
const compareGerman = (a: string | number, b: string | number) => collator.compare(String(a), String(b));

const SORT_KEYS: Record<string, SortKey> = {
  kind: { value: (row) => KIND_LABELS[row.kind], compare: compareGerman },
  received: { value: (row) => row.receivedAt, compare: compareBasic },
  due: { value: (row) => row.dueFrom ?? undefined, compare: compareBasic, undefinedLast: true },
  topic: { value: (row) => TOPIC_LABELS[row.topic], compare: compareGerman },
  status: { value: (row) => STATUS_ORDER[row.status], compare: compareBasic },
  owner: { value: (row) => (row.owner ? ownerLabel(row.owner) : undefined), compare: compareGerman, undefinedLast: true },
  attempts: { value: (row) => row.attempts, compare: compareBasic },
  dueState: { value: (row) => (row.due ? DUE_ORDER[row.due] : undefined), compare: compareBasic, undefinedLast: true },
};

/**
 * The rows in the order the table's own sorted row model would give them (ties keep the input
 * order); the same array when nothing sorts.
 */
export function sortQueueRows(rows: readonly QueueRow[], sorting: SortingState): QueueRow[] {
  const keys = sorting.flatMap((s) => {
    const key = SORT_KEYS[s.id];
    return key ? [{ ...key, desc: s.desc }] : [];
  });
  if (keys.length === 0 || rows.length === 0) return rows as QueueRow[];
  // Each row's sort values once, not once per comparison.
  const values = keys.map((key) => rows.map(key.value));
  const order = rows.map((_, i) => i);
  order.sort((a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const va = values[k]![a];
      const vb = values[k]![b];
      if (key.undefinedLast) {
        if (va === undefined && vb === undefined) continue;
        if (va === undefined) return 1;
        if (vb === undefined) return -1;
      }
      const c = key.compare(va!, vb!);
      if (c !== 0) return key.desc ? -c : c;
    }
    return a - b;
  });
  return order.map((i) => rows[i]!);
}
