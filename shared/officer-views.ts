// What the core hands to the officers' screens: confidential cases with their internal notes,
// the SMS lookup report, and the disclosure register (which never carries SMS values).
import { z } from 'zod';
import { QueueRow, SmsLookupResult, RequestDetail } from './views';
import { PortalAction } from './domain';
import { Instant, LocalDate } from './wire';
import { IdentityMethod, SubjectRequestType } from './subject-labels';

export const CaseNote = z.object({
  id: z.string(),
  text: z.string(),
  author: z.string(),
  createdAt: Instant,
  mine: z.boolean(),
});
export type CaseNote = z.infer<typeof CaseNote>;

/**
 * A row of the officer's case list: the queue row, the subject where this workstation holds the
 * case's personal data (never otherwise), and the date an answer is due (a data-subject request:
 * one month after receipt, Art. 12(3) GDPR; null where no deadline applies).
 */
export const OfficerCaseRow = QueueRow.extend({
  subject: z.string().nullable(),
  answerBy: LocalDate.nullable(),
  /** Issue 17: a case marked as a data subject's request (from the backend), else null. */
  subjectRequest: z
    .object({ type: SubjectRequestType, deadline: LocalDate, extendedUntil: LocalDate.nullable(), personInformedOn: LocalDate.nullable(), identityMethod: IdentityMethod.nullable() })
    .nullable()
    .optional(),
  /** How close `answerBy` is: due within 7 days, overdue after it; null without a deadline or once closed. */
  deadlineState: z.enum(['open', 'due', 'overdue']).nullable().optional(),
});
export type OfficerCaseRow = z.infer<typeof OfficerCaseRow>;

/** A confidential case as its officer sees it: the request detail plus internal notes. */
export const OfficerCase = z.object({
  detail: RequestDetail,
  notes: z.array(CaseNote),
});
export type OfficerCase = z.infer<typeof OfficerCase>;

/** Per address: how often it was used, and which other customer numbers sent from it. */
export const SmsIpUsage = z.object({
  ip: z.string(),
  sends: z.number().int(),
  otherCustomers: z.array(z.string()),
  /** More than one customer number used this address: the misuse pattern. */
  shared: z.boolean(),
});
export type SmsIpUsage = z.infer<typeof SmsIpUsage>;

export const SmsLookupReport = SmsLookupResult.extend({
  /** Days on which at least one customer sent more than the free quota. */
  daysOverQuota: z.number().int(),
  /** Customers who went over the quota on at least one day. */
  customersOverQuota: z.number().int().optional(),
  ipUsage: z.array(SmsIpUsage),
  /** The earliest send time a lookup can reach: the synced log keeps 90 days. */
  windowStart: Instant,
  /** True when more records matched than one answer carries. */
  truncated: z.boolean(),
  /** Issue 17 part 5 (Art. 18): matching sends left out because they are restricted. */
  restricted: z.number().int().optional(),
});
export type SmsLookupReport = z.infer<typeof SmsLookupReport>;

export const DISCLOSURE_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const DisclosureStatus = z.enum(DISCLOSURE_STATUSES);
export type DisclosureStatus = z.infer<typeof DisclosureStatus>;

/** One row of the disclosure register: what, when, to whom, approved by whom; no SMS values. */
export const DisclosureEntry = z.object({
  id: z.string(),
  caseRef: z.string(),
  authority: z.string(),
  authorityRef: z.string(),
  legalBasis: z.string(),
  records: z.number().int(),
  requestedBy: z.string(),
  requestedAt: Instant,
  mine: z.boolean(),
  status: DisclosureStatus,
  decidedBy: z.string().nullable(),
  decidedAt: Instant.nullable(),
  decisionNote: z.string().nullable(),
  exportedAt: Instant.nullable(),
  manifestSha256: z.string().nullable(),
  /** Issue 16: when the exported folder is deleted (DISCLOSURE_EXPORT_DAYS after the first export), and when it was. */
  exportEndsAt: Instant.nullable(),
  exportPurgedAt: Instant.nullable(),
});
export type DisclosureEntry = z.infer<typeof DisclosureEntry>;

/** The records of a disclosure as they are in the log now; `missing` ones were purged meanwhile. */
export const DisclosureDetail = z.object({
  entry: DisclosureEntry,
  records: z.array(z.object({ id: z.string(), customerNumber: z.string(), sentAt: Instant, ip: z.string() })),
  missing: z.array(z.string()),
});
export type DisclosureDetail = z.infer<typeof DisclosureDetail>;

export const ExportedFile = z.object({ name: z.string(), path: z.string(), bytes: z.number().int(), sha256: z.string() });
export type ExportedFile = z.infer<typeof ExportedFile>;

export const DisclosureManifest = z.object({
  disclosureId: z.string(),
  caseRef: z.string(),
  authority: z.string(),
  authorityRef: z.string(),
  legalBasis: z.string(),
  requestedBy: z.string(),
  approvedBy: z.string(),
  approvedAt: Instant,
  exportedAt: Instant,
  records: z.number().int(),
  algorithm: z.literal('SHA-256'),
  files: z.array(z.object({ name: z.string(), bytes: z.number().int(), sha256: z.string() })),
});
export type DisclosureManifest = z.infer<typeof DisclosureManifest>;

export const DisclosureExport = z.object({
  dir: z.string(),
  files: z.array(ExportedFile),
  manifestPath: z.string(),
  manifestSha256: z.string(),
  manifest: DisclosureManifest,
  /** Issue 16: when the retention sweep deletes this folder. */
  endsAt: Instant,
});
export type DisclosureExport = z.infer<typeof DisclosureExport>;

// --- the Online-Kundencenter's access log (issue 15) ------------------------
export const PortalRecord = z.object({ id: z.string(), customerNumber: z.string(), at: Instant, ip: z.string(), action: PortalAction });
export type PortalRecord = z.infer<typeof PortalRecord>;

export const PortalLookupReport = z.object({
  records: z.array(PortalRecord),
  /** Records per action (login, login_failed, …). */
  actions: z.array(z.object({ action: PortalAction, count: z.number().int() })),
  /** Failed logins per Berlin day and customer; `flagged` from `failedLoginThreshold` on (password guessing). */
  failedLoginsPerDay: z.array(z.object({ date: LocalDate, customerNumber: z.string(), failed: z.number().int(), flagged: z.boolean() })),
  failedLoginThreshold: z.number().int(),
  /** Customers whose successful logins came from many addresses (a shared or stolen access). */
  loginsFromManyAddresses: z.array(z.object({ customerNumber: z.string(), addresses: z.number().int(), logins: z.number().int() })),
  manyAddressesThreshold: z.number().int(),
  /** Addresses used by more than one customer (for a customer lookup: the others seen at that customer's addresses). */
  sharedAddresses: z.array(z.object({ ip: z.string(), customers: z.array(z.string()), records: z.number().int() })),
  /** The earliest time a lookup can reach: the synced log keeps 90 days. */
  windowStart: Instant,
  truncated: z.boolean(),
  /** Issue 17 part 5 (Art. 18): matching accesses left out because they are restricted. */
  restricted: z.number().int().optional(),
});
export type PortalLookupReport = z.infer<typeof PortalLookupReport>;
