// What the workbench asks of the queue: its filters and sorting as the UI holds them, turned into
// the core's window query, and which window of rows to fetch for what is on screen.
import type { RequestKind, Topic } from '../../../../shared/domain';
import type { QueueFilter, QueueSort, QueueSortColumn, QuickFilter } from '../../../../shared/queue-window';
import { QUEUE_SORT_COLUMNS, QUEUE_WINDOW_MAX } from '../../../../shared/queue-window';
import type { RequestStatus } from '../../../../shared/views';

export interface QueueFilterState {
  kind: RequestKind | 'all';
  status: RequestStatus | 'all';
  topic: Topic | 'all';
  quick: QuickFilter | null;
  search: string;
}

export const NO_FILTER: QueueFilterState = { kind: 'all', status: 'all', topic: 'all', quick: null, search: '' };

/** The table's sorting (TanStack's shape): one column, ascending or descending. */
export type QueueSorting = { id: string; desc: boolean }[];

/** Due first: the callback whose window opens soonest is on top. */
export const DEFAULT_QUEUE_SORTING: QueueSorting = [{ id: 'due', desc: false }];

export function toWireFilter(f: QueueFilterState): QueueFilter {
  const search = f.search.trim();
  return {
    ...(f.kind !== 'all' && { kind: f.kind }),
    ...(f.status !== 'all' && { status: f.status }),
    ...(f.topic !== 'all' && { topic: f.topic }),
    ...(f.quick && { quick: f.quick }),
    ...(search && { search }),
  };
}

/** True when no filter narrows the queue (its total is the whole queue). */
export const isUnfiltered = (f: QueueFilterState): boolean => Object.keys(toWireFilter(f)).length === 0;

const isSortColumn = (id: string): id is QueueSortColumn => (QUEUE_SORT_COLUMNS as readonly string[]).includes(id);

export function toWireSort(sorting: QueueSorting): QueueSort {
  const first = sorting.find((s) => isSortColumn(s.id));
  return first ? { column: first.id as QueueSortColumn, desc: first.desc } : { column: 'due', desc: false };
}

/** Rows fetched beyond what is visible on each side: room to scroll, and to keep a row in view when others arrive above it. */
export const WINDOW_MARGIN = 100;

export interface WindowRange {
  offset: number;
  limit: number;
}

/** The window to fetch so that rows first..last (inclusive) are in it, with margin. */
export function windowFor(first: number, last: number): WindowRange {
  const offset = Math.max(0, first - WINDOW_MARGIN);
  return { offset, limit: Math.min(QUEUE_WINDOW_MAX, Math.max(1, last - offset + 1 + WINDOW_MARGIN)) };
}

/** True when rows first..last of `total` are all inside the window held. */
export function windowCovers(held: { offset: number; count: number; total: number }, first: number, last: number): boolean {
  const end = Math.min(last, held.total - 1);
  if (end < 0) return true;
  return held.offset <= first && end < held.offset + held.count;
}
