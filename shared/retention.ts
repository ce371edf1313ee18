// Retention views: rules, dry runs, holds, self-tests, the supervisors' dashboard and exports.
// None of these carries personal data: ids, kinds, counts, dates, names of staff.
import { z } from 'zod';
import { RequestKind, RetentionReason } from './domain';
import { RuleKey } from './rules';
import { PurgeRule } from './sync-api';
import { CustomerNumber, Instant, LocalDate } from './wire';

export { RULE_KEYS, RuleKey } from './rules';

export const RuleView = z.object({
  key: RuleKey,
  /** German wording for the Löschkonzept. */
  data: z.string(),
  startEvent: z.string(),
  legalBasis: z.string(),
  unit: z.enum(['days', 'years']),
  period: z.number().int(),
  /** The limit from DESIGN.md: a period may go down to 0, never above this. */
  limit: z.number().int(),
  adjustable: z.boolean(),
  updatedAt: Instant.nullable(),
  updatedBy: z.string().nullable(),
});
export type RuleView = z.infer<typeof RuleView>;

export const RuleChangeInput = z.object({ key: RuleKey, period: z.number().int().min(0).max(3650) }).strict();
export type RuleChangeInput = z.infer<typeof RuleChangeInput>;

export const PurgeAction = z.enum(['expire', 'retire', 'drop', 'sms', 'hold']);
export type PurgeAction = z.infer<typeof PurgeAction>;

export const DryRun = z.object({
  at: Instant,
  /** The rule change simulated, or null for "the sweep as it stands". */
  change: RuleChangeInput.nullable(),
  total: z.number().int(),
  byRule: z.array(z.object({ rule: PurgeRule, kind: z.union([RequestKind, z.literal('sms')]), count: z.number().int() })),
  /** Requests touched (ids only); SMS records as a count in byRule. */
  requests: z.array(z.object({ id: z.string(), kind: RequestKind, rule: PurgeRule, action: PurgeAction })),
});
export type DryRun = z.infer<typeof DryRun>;

export const HoldView = z.object({
  id: z.string(),
  type: z.enum(['case', 'sms']),
  kind: z.union([RequestKind, z.literal('sms')]),
  reason: z.union([RetentionReason, z.literal('legal_hold'), z.literal('unknown')]),
  until: LocalDate,
  note: z.string().nullable(),
  caseRef: z.string().nullable(),
  setBy: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  status: z.enum(['pending', 'active']),
});
export type HoldView = z.infer<typeof HoldView>;

export const SmsHoldInput = z
  .object({
    caseRef: z.string().trim().min(3, 'Aktenzeichen fehlt').max(100),
    customerNumber: CustomerNumber,
    until: LocalDate,
    note: z.string().trim().min(3, 'Begründung fehlt').max(500),
  })
  .strict();
export type SmsHoldInput = z.infer<typeof SmsHoldInput>;

export const SelfTestResult = z.object({
  at: Instant,
  passed: z.boolean(),
  actor: z.string(),
  files: z.array(z.string()),
  findings: z.array(z.object({ file: z.string(), encoding: z.string() })),
});
export type SelfTestResult = z.infer<typeof SelfTestResult>;

const Held = z.object({ proof: z.number().int(), customer_care: z.number().int(), statutory: z.number().int(), unknown: z.number().int() });

export const DeletionDashboard = z.object({
  at: Instant,
  perKind: z.array(
    z.object({ kind: RequestKind, open: z.number().int(), awaitingPurge: z.number().int(), held: Held, purged30d: z.number().int() }),
  ),
  overdue: z.array(z.object({ requestId: z.string(), kind: RequestKind, dueAt: Instant, workstation: z.string() })),
  purgesPerDay: z.array(z.object({ date: LocalDate, count: z.number().int() })),
  upcoming: z.array(z.object({ date: LocalDate, count: z.number().int() })),
  selfTests: z.array(SelfTestResult),
  holds: z.array(HoldView),
  /** Audit heads the backend refused (issue 14): workstations whose Prüfprotokoll no longer extends what they proved. */
  brokenChains: z.array(z.object({ workstation: z.string(), at: Instant, expectedSeq: z.number().int().nullable(), offeredSeq: z.number().int() })),
});
export type DeletionDashboard = z.infer<typeof DeletionDashboard>;

export const ExportInput = z
  .object({
    document: z.enum(['protocol_csv', 'protocol_pdf', 'concept_pdf']),
    from: LocalDate.optional(),
    to: LocalDate.optional(),
  })
  .strict()
  .refine((q) => q.document === 'concept_pdf' || (q.from !== undefined && q.to !== undefined), { message: 'Zeitraum fehlt' })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'Zeitraum: „von“ liegt nach „bis“' });
export type ExportInput = z.infer<typeof ExportInput>;

/** The file is written to the data directory's exports/ folder; its content travels as base64 for the download. */
export const ExportFile = z.object({ fileName: z.string(), path: z.string(), mimeType: z.string(), base64: z.string(), rows: z.number().int() });
export type ExportFile = z.infer<typeof ExportFile>;
