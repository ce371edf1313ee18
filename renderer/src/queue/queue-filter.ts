// The workbench's filters over the rows the core sent: kind, status, topic, "due now",
// "overdue", "mine", and a text search over what a row shows (rows carry no personal data).
// Filtering and counting are one pass each, so 100,000 rows stay well under a frame's budget.
import type { RequestKind, Topic } from '../../../shared/domain';
import type { QueueRow, RequestStatus } from '../../../shared/views';
import { KIND_LABELS, STATUS_LABELS, TOPIC_LABELS } from '../format/labels';

export type QuickFilter = 'due_now' | 'overdue' | 'mine';

export interface QueueFilterState {
  kind: RequestKind | 'all';
  status: RequestStatus | 'all';
  topic: Topic | 'all';
  quick: QuickFilter | null;
  search: string;
}

export const NO_FILTER: QueueFilterState = { kind: 'all', status: 'all', topic: 'all', quick: null, search: '' };

export interface QueueCounts {
  all: number;
  kind: Partial<Record<RequestKind, number>>;
  status: Partial<Record<RequestStatus, number>>;
  topic: Partial<Record<Topic, number>>;
  quick: Record<QuickFilter, number>;
}

export function matchesQuick(row: QueueRow, quick: QuickFilter): boolean {
  if (quick === 'due_now') return row.due === 'due';
  if (quick === 'overdue') return row.due === 'overdue';
  return row.owner?.mine === true || (row.status === 'claimed' && row.owner === null) || row.status === 'claim_pending';
}

function searchText(row: QueueRow): string {
  return [KIND_LABELS[row.kind], TOPIC_LABELS[row.topic], STATUS_LABELS[row.status], row.owner?.displayName ?? '', row.preferredDate ?? '', row.id]
    .join(' ')
    .toLocaleLowerCase('de-DE');
}

export function filterRows(rows: readonly QueueRow[], f: QueueFilterState): QueueRow[] {
  const needle = f.search.trim().toLocaleLowerCase('de-DE');
  if (f.kind === 'all' && f.status === 'all' && f.topic === 'all' && !f.quick && !needle) return rows as QueueRow[];
  return rows.filter(
    (row) =>
      (f.kind === 'all' || row.kind === f.kind) &&
      (f.status === 'all' || row.status === f.status) &&
      (f.topic === 'all' || row.topic === f.topic) &&
      (!f.quick || matchesQuick(row, f.quick)) &&
      (!needle || searchText(row).includes(needle)),
  );
}

/** Counts per filter value over all rows, so the header says what each filter would show. */
export function countRows(rows: readonly QueueRow[]): QueueCounts {
  const counts: QueueCounts = { all: rows.length, kind: {}, status: {}, topic: {}, quick: { due_now: 0, overdue: 0, mine: 0 } };
  for (const row of rows) {
    counts.kind[row.kind] = (counts.kind[row.kind] ?? 0) + 1;
    counts.status[row.status] = (counts.status[row.status] ?? 0) + 1;
    counts.topic[row.topic] = (counts.topic[row.topic] ?? 0) + 1;
    if (row.due === 'due') counts.quick.due_now++;
    else if (row.due === 'overdue') counts.quick.overdue++;
    if (matchesQuick(row, 'mine')) counts.quick.mine++;
  }
  return counts;
}
