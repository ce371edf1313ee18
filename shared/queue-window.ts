// The queue as the renderer sees it: one window of rows at a time. Filtering, searching, sorting
// and counting happen in the core (indexed SQL), so a 100,000-row queue never crosses the bridge.
import { z } from 'zod';
import { RequestKind, Topic } from './domain';
import { Instant } from './wire';
import { QueueRow, RequestStatus } from './views';

/** "Jetzt fällig", "Überfällig", "Meine": the workbench's quick filters. */
export const QUICK_FILTERS = ['due_now', 'overdue', 'mine'] as const;
export const QuickFilter = z.enum(QUICK_FILTERS);
export type QuickFilter = z.infer<typeof QuickFilter>;

export const QueueFilter = z
  .object({
    kind: RequestKind.optional(),
    status: RequestStatus.optional(),
    topic: Topic.optional(),
    quick: QuickFilter.optional(),
    /** Words matched (each one, case-insensitively) against what a row shows; never personal data. */
    search: z.string().max(200, 'Der Suchtext ist zu lang (höchstens 200 Zeichen).').optional(),
  })
  .strict();
export type QueueFilter = z.infer<typeof QueueFilter>;

/** The table's sortable columns; ids match the renderer's column ids. */
export const QUEUE_SORT_COLUMNS = ['kind', 'received', 'due', 'topic', 'status', 'owner', 'attempts', 'dueState'] as const;
export const QueueSortColumn = z.enum(QUEUE_SORT_COLUMNS);
export type QueueSortColumn = z.infer<typeof QueueSortColumn>;

export const QueueSort = z.object({ column: QueueSortColumn, desc: z.boolean() }).strict();
export type QueueSort = z.infer<typeof QueueSort>;

/** Longest window one call returns: a screen of rows plus scrolling room, not the queue. */
export const QUEUE_WINDOW_MAX = 500;

export const QueueWindowInput = z
  .object({
    filter: QueueFilter,
    sort: QueueSort,
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(QUEUE_WINDOW_MAX),
  })
  .strict();
export type QueueWindowInput = z.infer<typeof QueueWindowInput>;

export const QueueWindow = z.object({
  rows: z.array(QueueRow),
  /** Index of rows[0] among all matching rows. */
  offset: z.number().int(),
  /** How many rows match the filter in all. */
  total: z.number().int(),
  asOf: Instant,
});
export type QueueWindow = z.infer<typeof QueueWindow>;

const CountsBy = <K extends z.ZodEnum>(key: K) => z.partialRecord(key, z.number().int());

/** How many rows each filter value would show, over everything the user may see. */
export const QueueCounts = z.object({
  all: z.number().int(),
  kind: CountsBy(RequestKind),
  status: CountsBy(RequestStatus),
  topic: CountsBy(Topic),
  quick: z.object({ due_now: z.number().int(), overdue: z.number().int(), mine: z.number().int() }),
});
export type QueueCounts = z.infer<typeof QueueCounts>;
