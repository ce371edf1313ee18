// The web backend's contract (../shared/SYNC_API.md, version 1) as zod schemas.
// The backend, the sync client and their tests all parse with these.
import { z } from 'zod';
import { windowProblems } from './callback-slot';
import {
  CallDisposition,
  Department,
  Disposition,
  Outcome,
  PortalAction,
  RetentionReason,
  Role,
  Salutation,
  Topic,
} from './domain';
import { BackendDisclosure } from './disclosures';
import { BackendHold } from './holds';
import { RulesInForce } from './rules';
import { ErasureLog } from './subject-erasure';
import { RECTIFIABLE_FIELDS, RestrictionState } from './subject-rights';
import { SubjectRequestState } from './subject-requests';
import { ClockTime, CustomerNumber, Instant, IpAddress, LocalDate, TimeWindow, Uuid } from './wire';

export const API_PREFIX = '/api/v1';

// --- session ---------------------------------------------------------------
/** A point of a workstation's audit chain: entry `seq` has hash `hash` (issue 14). */
export const AuditAnchorWire = z.object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) });

/** A workstation's secret (issue 14): 32 random bytes, base64url. */
export const WorkstationSecret = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const SessionRequest = z.object({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(500),
  workstation: Uuid,
  /** Extension (issue 14): the secret the workstation got at its first login; needed from then on. */
  workstationSecret: WorkstationSecret.optional(),
});
export type SessionRequest = z.infer<typeof SessionRequest>;

export const SessionUser = z.object({
  id: z.string().min(1).max(200),
  displayName: z.string().min(1).max(200),
  roles: z.array(Role).min(1),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionResponse = z.object({
  token: z.string().min(1),
  expiresAt: Instant,
  user: SessionUser,
  /** Extension (issue 14): only at a workstation's first login; it keeps the secret and sends it with every later login. */
  workstationSecret: WorkstationSecret.optional(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

// --- queue entries (no personal data) --------------------------------------
export const CallbackSummary = z.object({
  preferredDate: LocalDate,
  preferredWindow: TimeWindow,
  topic: Topic,
});
export const MessageSummary = z.object({ category: Topic });

/** `reference` (SYNC_API 1.1): the short code a person quotes on the phone; no personal data in it. */
const queuedBase = { id: Uuid, receivedAt: Instant, reference: z.string().min(1).max(20).optional() };
export const QueueEntry = z.discriminatedUnion('kind', [
  z.object({ ...queuedBase, kind: z.literal('callback'), summary: CallbackSummary }),
  z.object({ ...queuedBase, kind: z.enum(['contact', 'dpo', 'equality']), summary: MessageSummary }),
]);
export type QueueEntry = z.infer<typeof QueueEntry>;

export const Actor = z.object({ userId: z.string().min(1), displayName: z.string().min(1) });
export type Actor = z.infer<typeof Actor>;

export const SmsRecord = z.object({ id: Uuid, customerNumber: CustomerNumber, sentAt: Instant, ip: IpAddress });
export type SmsRecord = z.infer<typeof SmsRecord>;

/** One access to the Online-Kundencenter (SYNC_API 1.1). */
export const PortalAccess = z.object({ id: Uuid, customerNumber: CustomerNumber, at: Instant, ip: IpAddress, action: PortalAction });
export type PortalAccess = z.infer<typeof PortalAccess>;

export const PURGE_RULES = [
  'callback_closed',
  'callback_expired',
  'case_closed',
  'retention_ended',
  'claimed_elsewhere',
  'released',
  'erased',
  'sms_90_days',
  /** Extension (issue 15): the portal access log before `smsBefore` (the log cut) was purged at 90 days. */
  'portal_90_days',
  'hold_ended',
  'self_test',
  /**
   * Extension (issue 16): recorded by the backend, never sent by a workstation, when a supervisor
   * retires a workstation that still owed this proof. Not a deletion: the data there is beyond reach.
   */
  'workstation_retired',
  /** Extension (issue 16): a disclosure's exported folder at its end; proven on the exporting workstation only, never sent. */
  'disclosure_export_ended',
  /** Extension (issue 17): an Auskunft's files at the end of their proof period; proven on the writing workstation only, never sent. */
  'subject_report_ended',
] as const;
export const PurgeRule = z.enum(PURGE_RULES);
export type PurgeRule = z.infer<typeof PurgeRule>;

/**
 * A receipt's rule: one of PURGE_RULES. Another name is not proof of anything and would land in
 * the Löschprotokoll as written, so a receipt with one is invalid (the client quarantines such a
 * feed event). Checked at run time; typed `string` so that code which stores rules as text
 * (the reference backend's event log) still compiles.
 */
export const ReceiptRule = z.string().refine((rule) => (PURGE_RULES as readonly string[]).includes(rule), { message: 'Unbekannte Löschregel' });
const receiptBase = { workstation: Uuid, purgedAt: Instant, rule: ReceiptRule };
export const RecordedReceipt = z.union([
  z.object({ ...receiptBase, requestId: Uuid }),
  z.object({ ...receiptBase, smsBefore: Instant }),
  /** Extension (issue 17): a workstation purged the SMS or portal records of a Löschung (rule `erased`). */
  z.object({ ...receiptBase, erasureId: Uuid, log: ErasureLog }),
]);

// --- feed events -----------------------------------------------------------
const ev = { id: z.string().min(1).max(200), at: Instant };
export const FeedEvent = z.discriminatedUnion('type', [
  z.object({ ...ev, type: z.literal('request.queued'), request: QueueEntry }),
  z.object({
    ...ev,
    type: z.literal('request.claimed'),
    requestId: Uuid,
    by: Actor,
    workstation: Uuid,
    leaseUntil: Instant,
  }),
  z.object({ ...ev, type: z.literal('request.released'), requestId: Uuid }),
  z.object({
    ...ev,
    type: z.literal('request.attempted'),
    requestId: Uuid,
    attemptNo: z.number().int().min(1).max(1000),
    disposition: Disposition,
    by: Actor,
    /** SYNC_API 1.1: the new slot of a `rescheduled` attempt. */
    rescheduledTo: z.lazy(() => PreferredSlot).optional(),
  }),
  z.object({ ...ev, type: z.literal('request.forwarded'), requestId: Uuid, department: Department }),
  z.object({
    ...ev,
    type: z.literal('request.closed'),
    requestId: Uuid,
    outcome: Outcome,
    retainedUntil: LocalDate.nullable(),
    /** Issue 16: why it is kept (no personal data), so every workstation's dashboard knows the reason. */
    retentionReason: RetentionReason.nullable().optional(),
  }),
  z.object({ ...ev, type: z.literal('request.erased'), requestId: Uuid, reason: z.string().max(500) }),
  z.object({ ...ev, type: z.literal('sms.logged'), sms: SmsRecord }),
  z.object({ ...ev, type: z.literal('portal.logged'), access: PortalAccess }),
  /** Issue 17: a Löschung erased these SMS records before their 90 days; each workstation holding them purges and sends a receipt. */
  z.object({ ...ev, type: z.literal('sms.erased'), erasureId: Uuid, smsIds: z.array(Uuid).min(1).max(10_000), reason: z.string().max(500) }),
  /** Issue 17: likewise for portal access records. */
  z.object({ ...ev, type: z.literal('portal.erased'), erasureId: Uuid, accessIds: z.array(Uuid).min(1).max(10_000), reason: z.string().max(500) }),
  z.object({ ...ev, type: z.literal('receipt.recorded'), receipt: RecordedReceipt }),
  /** Issue 14: a legal hold's state, for dpo and supervisors. */
  z.object({ ...ev, type: z.literal('hold.updated'), hold: BackendHold }),
  /** Issue 16: the disclosure register's entry and its decision, for dpo and supervisors. */
  z.object({ ...ev, type: z.literal('disclosure.updated'), disclosure: BackendDisclosure }),
  /** Issue 14: a workstation sent an audit head that does not extend its last one (a broken chain), for supervisors. */
  z.object({ ...ev, type: z.literal('audit.refused'), workstation: Uuid, expected: AuditAnchorWire.nullable(), offered: AuditAnchorWire }),
  /** Issue 16: the full set of retention and retry rules in force after a supervisor's change, for everyone. */
  z.object({ ...ev, type: z.literal('rules.updated'), rules: RulesInForce }),
  /** Issue 17: a dpo case marked as a data subject's request (type, deadline, extension; no free text), for dpo. */
  z.object({ ...ev, type: z.literal('subject.updated'), subject: SubjectRequestState }),
  /**
   * Issue 17, part 5: a Berichtigung of a request's personal data. The feed stores only the
   * fields' names; `values` (the new values) are added when read, and only for the workstation
   * holding the request's claim: nobody else holds its data, so nobody else receives them.
   */
  z.object({
    ...ev,
    type: z.literal('request.rectified'),
    requestId: Uuid,
    fields: z.array(z.enum(RECTIFIABLE_FIELDS)).min(1),
    values: z.partialRecord(z.enum(RECTIFIABLE_FIELDS), z.string().max(5_000)).optional(),
  }),
  /** Issue 17, part 5 (Art. 18): a record restricted or lifted (no reason), for those who see the record. */
  z.object({ ...ev, type: z.literal('restriction.updated'), restriction: RestrictionState }),
]);
export type FeedEvent = z.infer<typeof FeedEvent>;
export type FeedEventType = FeedEvent['type'];
export const FEED_EVENT_TYPES = FeedEvent.options.map((o) => o.shape.type.value) as FeedEventType[];

/** The envelope every event has; used to tell unknown types (skipped) from broken known ones (quarantined). */
export const EventEnvelope = z.object({ id: z.string().min(1).max(200), type: z.string().min(1).max(100), at: z.string() });

export const FeedPage = z.object({
  events: z.array(z.unknown()),
  cursor: z.string().min(1),
  hasMore: z.boolean(),
});
export type FeedPage = z.infer<typeof FeedPage>;
export const FEED_LIMIT_MAX = 500;

// --- claim -----------------------------------------------------------------
export const ClaimRequest = z.object({ eventId: Uuid });

export const CallbackPayload = z.object({
  salutation: Salutation,
  name: z.string().min(1).max(200),
  phone: z.string().min(3).max(40),
  preferredDate: LocalDate,
  preferredWindow: TimeWindow,
  topic: Topic,
  note: z.string().max(2000).nullable(),
});
export type CallbackPayload = z.infer<typeof CallbackPayload>;

export const MessagePayload = z.object({
  salutation: Salutation,
  name: z.string().min(1).max(200),
  email: z.email(),
  category: Topic,
  subject: z.string().min(1).max(300),
  message: z.string().min(1).max(20000),
});
export type MessagePayload = z.infer<typeof MessagePayload>;

const claimedBase = { id: Uuid, receivedAt: Instant };
export const ClaimedRequest = z.discriminatedUnion('kind', [
  z.object({ ...claimedBase, kind: z.literal('callback'), payload: CallbackPayload }),
  z.object({ ...claimedBase, kind: z.enum(['contact', 'dpo', 'equality']), payload: MessagePayload }),
]);
export type ClaimedRequest = z.infer<typeof ClaimedRequest>;

export const ClaimResponse = z.object({ request: ClaimedRequest, leaseUntil: Instant });
export type ClaimResponse = z.infer<typeof ClaimResponse>;

// --- request events (client -> server) ------------------------------------
/**
 * A callback's preferred date and window with the intake form's rules that need no clock (half
 * hours, `to` after `from`, at most 4 hours, Mon-Fri 08:00-18:00); "today to 30 days ahead" needs
 * the receiver's clock: shared/callback-slot.ts `slotProblems`.
 */
export const PreferredSlot = z
  .object({ preferredDate: LocalDate, preferredWindow: TimeWindow })
  .superRefine((slot, ctx) => {
    for (const [path, message] of Object.entries(windowProblems(slot.preferredDate, slot.preferredWindow))) {
      ctx.addIssue({ code: 'custom', path: path.split('.'), message });
    }
  });
export type PreferredSlot = z.infer<typeof PreferredSlot>;

/** An attempt's data: a call's outcome, or (1.1) `rescheduled` with the agreed new slot. */
export const AttemptData = z.union([
  z.object({ disposition: CallDisposition }),
  z.object({ disposition: z.literal('rescheduled'), preferredDate: LocalDate, preferredWindow: TimeWindow }).superRefine((slot, ctx) => {
    for (const [path, message] of Object.entries(windowProblems(slot.preferredDate, slot.preferredWindow))) {
      ctx.addIssue({ code: 'custom', path: path.split('.'), message });
    }
  }),
]);
export type AttemptData = z.infer<typeof AttemptData>;

/**
 * A close's retention. `note` (issue 16, optional for 1.0 clients): the mandatory justification
 * the worker wrote; the backend keeps it with the request and deletes it with the personal data.
 */
export const Retention = z.object({ reason: RetentionReason, until: LocalDate, note: z.string().trim().min(1).max(2000).optional() });
export type Retention = z.infer<typeof Retention>;

const re = { eventId: Uuid, at: Instant };
export const RequestEvent = z.discriminatedUnion('type', [
  z.object({ ...re, type: z.literal('attempt'), data: AttemptData }),
  z.object({ ...re, type: z.literal('forward'), data: z.object({ department: Department }) }),
  z.object({ ...re, type: z.literal('release'), data: z.object({}) }),
  z.object({
    ...re,
    type: z.literal('close'),
    data: z.object({ outcome: Outcome, retention: Retention.nullable() }),
  }),
]);
export type RequestEvent = z.infer<typeof RequestEvent>;
export type RequestEventType = RequestEvent['type'];

export const RequestEventResponse = z.object({ status: z.enum(['accepted', 'duplicate']) });

// --- receipts --------------------------------------------------------------
export const Receipt = z.union([
  z.object({ requestId: Uuid, purgedAt: Instant, rule: ReceiptRule }),
  z.object({ smsBefore: Instant, purgedAt: Instant, rule: ReceiptRule }),
  /** Extension (issue 17): this workstation purged the `log` records of the Löschung `erasureId` (`sms.erased` / `portal.erased`). */
  z.object({ erasureId: Uuid, log: ErasureLog, purgedAt: Instant, rule: ReceiptRule }),
]);
export type Receipt = z.infer<typeof Receipt>;
export const ReceiptsRequest = z.object({
  receipts: z.array(Receipt).min(1).max(1000),
  /** Issue 6's bare audit hash: no longer kept (a head must prove it extends the last one: POST /audit-head). */
  auditHead: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
/** `refused` (issue 14): receipts this workstation may not give (it never held the data, an implausible time). */
export const ReceiptsResponse = z.object({
  recorded: z.number().int().min(0),
  refused: z.array(z.object({ index: z.number().int().min(0), reason: z.string() })).optional(),
});

// --- audit heads (issue 14) -------------------------------------------------
/** One entry of a workstation's audit chain as its hash covers it (electron/core/audit/audit-log.ts). */
export const AuditChainEntry = z.object({
  seq: z.number().int().min(1),
  at: z.string().min(1).max(40),
  actor: z.string().min(1).max(200),
  action: z.string().min(1).max(100),
  subject: z.string().max(500).nullable(),
  details: z.string().max(20_000),
});
export type AuditChainEntry = z.infer<typeof AuditChainEntry>;
/** The new head and every entry after the head the backend has: it recomputes the hashes. */
export const AuditHeadProof = z.object({ head: AuditAnchorWire, entries: z.array(AuditChainEntry).max(5_000) });
export type AuditHeadProof = z.infer<typeof AuditHeadProof>;

// --- errors ----------------------------------------------------------------
export const ERROR_CODES = [
  'invalid_request',
  'invalid_credentials',
  'unauthorized',
  'token_expired',
  'forbidden',
  'not_found',
  'already_claimed',
  'not_owner',
  'cursor_expired',
  'invalid_event',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export const ApiError = z.object({
  error: z.string(),
  detail: z.string().optional(),
  claimedBy: Actor.optional(),
  /** Extension (issue 14): why a 403 or 409 was given, for clients to act on (workstation_secret_required, workstation_retired, audit_head_refused). */
  reason: z.string().optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export { ClockTime, CustomerNumber, Instant, IpAddress, LocalDate, TimeWindow, Uuid };
