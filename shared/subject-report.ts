// The Auskunft (Art. 15 GDPR) and Datenübertragbarkeit (Art. 20 GDPR) of a data subject's
// request (issue 17, part 3): the person's data the officer INCLUDED from the Find, per source,
// and the information of Art. 15(1) a-h. The backend assembles it (`POST …/subject-request/report`)
// and records when it was produced and sent; the holder's workstation writes it as a German PDF
// letter and as this JSON, machine-readable and versioned, into a private folder.
import { z } from 'zod';
import { Department, PortalAction, RequestKind, RetentionReason } from './domain';
import { CustomerNumber, Instant, IpAddress, LocalDate, Uuid } from './wire';

/** The format's name and version, inside every JSON: a reader knows what it holds. */
export const SUBJECT_REPORT_FORMAT = 'servicecenter-desk/auskunft' as const;
export const SUBJECT_REPORT_VERSION = 1 as const;

/**
 * The files stay on the workstation this many days after the day the officer marked them as
 * sent: long enough to answer the person's questions about what was sent, short enough that a
 * second copy of all their data does not outlive its purpose. Then the retention sweep deletes
 * them and keeps a proof (the manifest's hash), like the end of a disclosure export.
 */
export const SUBJECT_REPORT_PROOF_DAYS = 30;
/**
 * Files never marked as sent do not stay forever: they end this many days after they were
 * written. Three months is the longest an answer may take (one month, extended by two).
 */
export const SUBJECT_REPORT_UNSENT_DAYS = 90;

/** Only these types of request are answered with the person's data. */
export const REPORT_TYPES = ['access', 'portability'] as const;
export const ReportType = z.enum(REPORT_TYPES);

export const REPORT_CATEGORIES = ['requests', 'sms', 'portal', 'disclosures'] as const;
export const ReportCategory = z.enum(REPORT_CATEGORIES);
export type ReportCategory = z.infer<typeof ReportCategory>;

const ReportRequest = z.object({
  reference: z.string(),
  kind: RequestKind,
  receivedAt: Instant,
  status: z.string(),
  salutation: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  subject: z.string().nullable(),
  message: z.string().nullable(),
  preferredDate: LocalDate.nullable(),
  consentNoticeVersion: z.string().nullable(),
  consentAt: Instant.nullable(),
  closedAt: Instant.nullable(),
  retentionReason: RetentionReason.nullable(),
  retainedUntil: LocalDate.nullable(),
  forwardedTo: z.array(Department),
});
const ReportSms = z.object({ customerNumber: CustomerNumber, sentAt: Instant, ip: IpAddress });
const ReportPortal = z.object({ customerNumber: CustomerNumber, at: Instant, ip: IpAddress, action: PortalAction });
/** A disclosure of the person's SMS records to an authority: never another customer's record. */
const ReportDisclosure = z.object({
  authority: z.string(),
  caseRef: z.string(),
  legalBasis: z.string(),
  requestedAt: Instant,
  status: z.enum(['requested', 'approved', 'rejected']),
  decidedAt: Instant.nullable(),
  records: z.array(z.object({ sentAt: Instant.nullable(), ip: IpAddress.nullable() })),
});

const Text = z.object({ category: ReportCategory, text: z.string() });

export const SubjectReport = z.object({
  format: z.literal(SUBJECT_REPORT_FORMAT),
  version: z.literal(SUBJECT_REPORT_VERSION),
  requestId: Uuid,
  caseReference: z.string(),
  type: ReportType,
  producedAt: Instant,
  producedBy: z.string(),
  controller: z.object({ name: z.string(), contact: z.string() }),
  /** The person as the request named them: the letter's addressee. */
  addressee: z.object({ salutation: z.string().nullable(), name: z.string().nullable() }),
  data: z.object({
    requests: z.array(ReportRequest),
    sms: z.array(ReportSms),
    portal: z.array(ReportPortal),
    disclosures: z.array(ReportDisclosure),
  }),
  /** Art. 15(1) a-h, in plain German, per category where it differs. */
  information: z.object({
    purposes: z.array(Text.extend({ legalBasis: z.string() })),
    categories: z.array(Text),
    recipients: z.array(z.object({ category: ReportCategory, recipient: z.string(), kind: z.enum(['processor', 'authority', 'department']) })),
    storage: z.array(Text.extend({ period: z.number().int(), unit: z.enum(['days', 'years']) })),
    rights: z.array(z.string()),
    complaint: z.string(),
    sources: z.array(Text),
    automatedDecisions: z.string(),
  }),
});
export type SubjectReport = z.infer<typeof SubjectReport>;

/** What the backend records of an Auskunft: when produced and sent, by whom; never its content. */
export const SubjectReportState = z.object({
  requestId: Uuid,
  producedAt: Instant,
  producedBy: z.string(),
  items: z.number().int(),
  sentOn: LocalDate.nullable(),
  sentBy: z.string().nullable(),
  sentRecordedAt: Instant.nullable(),
});
export type SubjectReportState = z.infer<typeof SubjectReportState>;

/** `POST …/subject-request/report/sent`: the day the Auskunft went to the person. */
export const SubjectReportSent = z.strictObject({ sentOn: LocalDate });
export type SubjectReportSent = z.infer<typeof SubjectReportSent>;
