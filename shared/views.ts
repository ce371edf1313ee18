// What the core hands to the renderer. Queue rows never carry personal data; a detail
// carries it only for a request this workstation claimed and the user's roles may work.
import { z } from 'zod';
import { Department, Disposition, Outcome, RequestKind, RetentionReason, Role, Salutation, Topic } from './domain';
import { Instant, LocalDate, TimeWindow } from './wire';

export const REQUEST_STATUSES = ['open', 'claim_pending', 'claimed', 'claimed_elsewhere', 'closed'] as const;
export const RequestStatus = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof RequestStatus>;

/** A callback's place in time: before, inside or after its preferred window (Europe/Berlin). */
export const DueState = z.enum(['upcoming', 'due', 'overdue']);
export type DueState = z.infer<typeof DueState>;

export const QueueRow = z.object({
  id: z.string(),
  kind: RequestKind,
  receivedAt: Instant,
  topic: Topic,
  preferredDate: LocalDate.nullable(),
  preferredWindow: TimeWindow.nullable(),
  /** Start and end of the preferred window as instants (callbacks only). */
  dueFrom: Instant.nullable(),
  dueUntil: Instant.nullable(),
  status: RequestStatus,
  owner: z.object({ displayName: z.string(), mine: z.boolean() }).nullable(),
  leaseUntil: Instant.nullable(),
  attempts: z.number().int(),
  forwardedTo: Department.nullable(),
  closedAt: Instant.nullable(),
  outcome: Outcome.nullable(),
  hasPersonalData: z.boolean(),
  pendingEvents: z.number().int(),
  /** The code the website gave the sender (SYNC_API 1.1, e.g. "K7Q2-9XMP"): callers quote it on the phone. */
  reference: z.string().nullable().optional(),
  /** Computed by the core at listing time; absent/null where nothing is due. */
  due: DueState.nullable().optional(),
  /** Issue 17 part 5 (Art. 18): restricted at the backend: stored, not worked (no claim). */
  restricted: z.boolean().optional(),
});
export type QueueRow = z.infer<typeof QueueRow>;

/** A case the signed-in user holds at this workstation: what logging out asks about. */
export const HeldCase = z.object({
  id: z.string(),
  kind: RequestKind,
  receivedAt: Instant,
  reference: z.string().nullable(),
  /** When the backend gives it back to the queue by itself. */
  leaseUntil: Instant.nullable(),
});
export type HeldCase = z.infer<typeof HeldCase>;

export const PersonalData = z.object({
  salutation: Salutation,
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  subject: z.string().nullable(),
  message: z.string().nullable(),
  note: z.string().nullable(),
});
export type PersonalData = z.infer<typeof PersonalData>;

export const AttemptView = z.object({
  attemptNo: z.number().int(),
  disposition: Disposition,
  at: Instant,
  by: z.string(),
});
export type AttemptView = z.infer<typeof AttemptView>;

/** What changed in the queue since `since`: changed rows, the visible total, and the next `since`. */
export const QueueChanges = z.object({
  rows: z.array(QueueRow),
  /** Rows visible now; when the merged list differs, something was removed: fetch everything. */
  total: z.number().int(),
  asOf: Instant,
  /** True when `rows` is the whole queue (no `since` given). */
  full: z.boolean(),
});
export type QueueChanges = z.infer<typeof QueueChanges>;

/** Supervisor-adjustable rules for call attempts; the core enforces them. */
export const RetryRules = z.object({
  maxAttempts: z.number().int(),
  minGapMinutes: z.number().int(),
  /** Issue 16: who set them at the backend and when; absent or null for the defaults. */
  changedBy: z.string().nullable().optional(),
  changedAt: Instant.nullable().optional(),
});
export type RetryRules = z.infer<typeof RetryRules>;

/**
 * The agent's own day (Berlin calendar day), from this workstation's records: callbacks this user
 * closed today, how many of them reached the person (an attempt "Erreicht" or "Abgelehnt", or
 * closed as "Erledigt"), the attempts those callbacks took, and the attempts made today.
 */
export const AgentDay = z.object({
  date: z.string(),
  closed: z.number().int(),
  reached: z.number().int(),
  /** reached / closed, 0–1; null when nothing was closed. */
  reachRate: z.number().nullable(),
  /** Attempts on the callbacks closed today, per callback; null when nothing was closed. */
  attemptsPerCallback: z.number().nullable(),
  attemptsToday: z.number().int(),
});
export type AgentDay = z.infer<typeof AgentDay>;

export const RetryCheck = z.object({
  allowed: z.boolean(),
  /** German reason when not allowed. */
  reason: z.string().nullable(),
  /** When the next attempt becomes allowed, if it will. */
  nextAllowedAt: Instant.nullable(),
  attemptsLeft: z.number().int(),
  rules: RetryRules,
});
export type RetryCheck = z.infer<typeof RetryCheck>;

export const RequestDetail = z.object({
  row: QueueRow,
  personal: PersonalData.nullable(),
  attempts: z.array(AttemptView),
  /** Issue 16: the note lives at the backend (null here since); read it with "Aufbewahrten Fall einsehen". */
  retention: z.object({ reason: RetentionReason, until: LocalDate, note: z.string().nullable() }).nullable(),
  /** Whether another call attempt is allowed now, and if not, why (callbacks only). */
  retry: RetryCheck.nullable().optional(),
  /** The backend's latest refusal of an action on this request (409 and friends), in German. */
  rejection: z.object({ message: z.string(), at: Instant }).nullable().optional(),
});
export type RequestDetail = z.infer<typeof RequestDetail>;

export const SessionInfo = z.object({
  user: z.object({ id: z.string(), displayName: z.string(), roles: z.array(Role) }),
  backendUrl: z.string(),
  workstation: z.string(),
  expiresAt: Instant,
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const DemoUser = z.object({ username: z.string(), password: z.string(), displayName: z.string(), roles: z.array(Role) });
export type DemoUser = z.infer<typeof DemoUser>;

export const AppConfig = z.object({
  defaultBackendUrl: z.string(),
  demoUsers: z.array(DemoUser),
  host: z.enum(['electron', 'web']),
});
export type AppConfig = z.infer<typeof AppConfig>;

export const SyncReport = z.object({
  pulled: z.number().int(),
  applied: z.number().int(),
  skipped: z.number().int(),
  quarantined: z.number().int(),
  pushed: z.number().int(),
  rejected: z.number().int(),
  receiptsSent: z.number().int(),
  purged: z.number().int(),
  /** German message when the backend could not be reached; actions stay in the outbox. */
  offline: z.string().nullable(),
});
export type SyncReport = z.infer<typeof SyncReport>;

export const DeskStatus = z.object({
  requests: z.number().int(),
  withPersonalData: z.number().int(),
  sms: z.number().int(),
  tombstones: z.number().int(),
  pendingEvents: z.number().int(),
  pendingReceipts: z.number().int(),
  quarantined: z.number().int(),
});
export type DeskStatus = z.infer<typeof DeskStatus>;

export const SyncState = z.object({
  lastSyncAt: Instant.nullable(),
  /** The first complete sync since login is in: lists and lookups answer from a whole copy. */
  caughtUp: z.boolean(),
  lastError: z.string().nullable(),
  status: DeskStatus,
});
export type SyncState = z.infer<typeof SyncState>;

export const ActionResult = z.object({
  /** `sent`: the backend accepted it; `pending`: queued in the outbox (offline). */
  delivery: z.enum(['sent', 'pending', 'rejected']),
  message: z.string().nullable(),
});
export type ActionResult = z.infer<typeof ActionResult>;

export const SweepReport = z.object({ purged: z.number().int(), expired: z.number().int(), smsPurged: z.number().int(), portalPurged: z.number().int().optional() });
export type SweepReport = z.infer<typeof SweepReport>;

export const SmsLookupResult = z.object({
  records: z.array(z.object({ id: z.string(), customerNumber: z.string(), sentAt: Instant, ip: z.string() })),
  /** Sends per Berlin day against the free quota. */
  /** Sends per Berlin day and customer against the free quota (the quota is per customer). */
  perDay: z.array(z.object({ date: LocalDate, customerNumber: z.string().optional(), sends: z.number().int(), overQuota: z.boolean() })),
  ips: z.array(z.string()),
  /** Other customer numbers seen from the same addresses: the misuse pattern. */
  otherCustomers: z.array(z.string()),
  freeQuotaPerDay: z.number().int(),
});
export type SmsLookupResult = z.infer<typeof SmsLookupResult>;
