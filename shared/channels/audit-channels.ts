// The supervisors' audit view (issue 6, item 5): the hash-chained audit log, filtered and paged,
// with the chain's verdict, and the same selection as CSV. Entries are shown exactly as stored;
// they hold no personal data in clear (keyed hashes), so nothing needs masking here.
import { z } from 'zod';
import { ExportFile } from '../retention';
import { LocalDate } from '../wire';
import { channel } from './channel';

/** Filters shared by the list and the export. Dates are Berlin calendar days, both inclusive. */
const filterFields = {
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  /** An action name, or a family such as `hold.*`. */
  action: z.string().trim().min(1).max(100).optional(),
  /** A staff id as stored in the log (e.g. `u-dpo`). */
  actor: z.string().trim().min(1).max(100).optional(),
};
const rangeInOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const RANGE_MESSAGE = { message: 'Zeitraum: „von“ liegt nach „bis“' };

export const AuditFilter = z.object(filterFields).strict().refine(rangeInOrder, RANGE_MESSAGE);
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditListInput = z
  .object({
    ...filterFields,
    limit: z.number().int().min(1).max(1000).default(200),
    /** Paging backwards: only entries older than this sequence number. */
    beforeSeq: z.number().int().min(1).optional(),
  })
  .strict()
  .refine(rangeInOrder, RANGE_MESSAGE);
export type AuditListInput = z.input<typeof AuditListInput>;

/** One entry as stored; `details` is the stored JSON text, unparsed, so a tampered value shows as it is. */
export const AuditEntryView = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  /** The staff member's display name where the desk knows it. */
  actorName: z.string().nullable().optional(),
  action: z.string(),
  subject: z.string().nullable(),
  details: z.string(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

/** verifyAudit's result for the whole log, not only the shown page. */
export const AuditVerdictView = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  brokenAt: z.number().int().optional(),
  reason: z.string().optional(),
});
export type AuditVerdictView = z.infer<typeof AuditVerdictView>;

export const AuditPage = z.object({
  entries: z.array(AuditEntryView),
  verdict: AuditVerdictView,
  /** More (older) entries match: ask again with `beforeSeq` = the last shown seq. */
  more: z.boolean(),
  /** Every action name in the log, for the filter's choices. */
  actions: z.array(z.string()),
});
export type AuditPage = z.infer<typeof AuditPage>;

export const auditChannels = {
  'audit.list': channel(AuditListInput, AuditPage, ['supervisor']),
  'audit.export': channel(AuditFilter, ExportFile, ['supervisor']),
} as const;
