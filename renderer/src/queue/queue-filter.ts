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

// Each row's lowercase search text, built once per row object: rows are replaced, never mutated,
// when the core sends a change, so a keystroke only runs `includes` over cached strings.
const searchTexts = new WeakMap<QueueRow, string>();
// Labels and names repeat across rows: each distinct one is lower-cased once (German rules are
// slow per call at 100,000 rows).
const lowered = new Map<string, string>();

function lowerCached(text: string): string {
  let out = lowered.get(text);
  if (out === undefined) {
    out = lower(text);
    if (lowered.size > 10_000) lowered.clear();
    lowered.set(text, out);
  }
  return out;
}

function searchText(row: QueueRow): string {
  let text = searchTexts.get(row);
  if (text === undefined) {
    // The parts are separated by spaces, so lower-casing them one by one is the same as the
    // whole; the date and id are ASCII, for which lower-casing has no language rules.
    text = `${lowerCached(KIND_LABELS[row.kind])} ${lowerCached(TOPIC_LABELS[row.topic])} ${lowerCached(STATUS_LABELS[row.status])} ${lowerCached(row.owner?.displayName ?? '')} ${(row.preferredDate ?? '').toLowerCase()} ${row.id.toLowerCase()}`;
    searchTexts.set(row, text);
  }
  return text;
}

const lower = (text: string) => text.toLocaleLowerCase('de-DE');

/**
 * Builds the search texts of `rows[from..to)` ahead of the first keystroke (the queue calls this
 * in idle time after a load), so typing the first letter does not build 100,000 of them.
 */
export function prepareSearch(rows: readonly QueueRow[], from: number, to: number): void {
  for (let i = from; i < to && i < rows.length; i++) searchText(rows[i]!);
}

function matcher(f: QueueFilterState): ((row: QueueRow) => boolean) | null {
  const needle = lower(f.search.trim());
  if (f.kind === 'all' && f.status === 'all' && f.topic === 'all' && !f.quick && !needle) return null;
  return (row) =>
    (f.kind === 'all' || row.kind === f.kind) &&
    (f.status === 'all' || row.status === f.status) &&
    (f.topic === 'all' || row.topic === f.topic) &&
    (!f.quick || matchesQuick(row, f.quick)) &&
    (!needle || searchText(row).includes(needle));
}

/** The items whose row passes the filters, in their order; the same array when nothing filters. */
export function filterItems<T>(items: readonly T[], f: QueueFilterState, rowOf: (item: T) => QueueRow): T[] {
  const matches = matcher(f);
  if (!matches) return items as T[];
  const out: T[] = [];
  for (const item of items) if (matches(rowOf(item))) out.push(item);
  return out;
}

const itself = (row: QueueRow) => row;

export function filterRows(rows: readonly QueueRow[], f: QueueFilterState): QueueRow[] {
  return filterItems(rows, f, itself);
}

/** One filtering: what was filtered, how, and what passed. */
export interface FilterResult<T> {
  items: readonly T[];
  filter: QueueFilterState;
  result: T[];
}

/** True when every row passing `next` also passes `prev`: same filters, the search only grew. */
function narrows(prev: QueueFilterState, next: QueueFilterState): boolean {
  return (
    prev.kind === next.kind &&
    prev.status === next.status &&
    prev.topic === next.topic &&
    prev.quick === next.quick &&
    lower(next.search.trim()).includes(lower(prev.search.trim()))
  );
}

/**
 * filterItems, but while the search text grows over the same items (typing), it filters the
 * previous result instead of all items: the same rows in the same order, fewer to look at.
 */
export function refineFilter<T>(
  prev: FilterResult<T> | null,
  items: readonly T[],
  f: QueueFilterState,
  rowOf: (item: T) => QueueRow,
): FilterResult<T> {
  if (prev && prev.items === items && prev.filter === f) return prev;
  const from = prev && prev.items === items && narrows(prev.filter, f) ? prev.result : items;
  return { items, filter: f, result: filterItems(from, f, rowOf) };
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
