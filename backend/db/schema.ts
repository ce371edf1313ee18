// The backend's tables (PostgreSQL through drizzle pg-core; the same schema on a server and on
// PGlite). The backend is the service center's system of record: requests as the website sent
// them, the feed, leases, idempotency keys, sessions and receipts all live here, so any number of
// backend processes can serve and a restart loses nothing. Columns that hold personal data are
// nullable: they are set to NULL when the data goes (a tombstone without personal data stays).
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One row per database: its epoch (cursors of another database are refused) and settings. */
export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * The feed's sequence. Every writing transaction takes this row's lock to number its events, so
 * sequence numbers become visible in order: a reader never passes a number that commits later.
 */
export const feedHead = pgTable(
  'feed_head',
  {
    id: smallint('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
  },
  (t) => [check('feed_head_single_row', sql`${t.id} = 1`)],
);

/** Requests from the website's forms (or the demo generator, which behaves like them). */
export const requests = pgTable(
  'requests',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    receivedAt: instant('received_at').notNull(),
    /** The short code a person quotes on the phone; no personal data in it. */
    reference: text('reference').notNull(),
    /** Callback topic, or the message's category. */
    topic: text('topic').notNull(),
    preferredDate: date('preferred_date', { mode: 'string' }),
    windowFrom: text('window_from'),
    windowTo: text('window_to'),
    // Personal data, as the website sent it; NULL once purged.
    salutation: text('salutation'),
    name: text('name'),
    phone: text('phone'),
    email: text('email'),
    subject: text('subject'),
    message: text('message'),
    note: text('note'),
    consentNoticeVersion: text('consent_notice_version'),
    consentAt: instant('consent_at'),
    // Lifecycle.
    status: text('status').notNull().default('open'),
    leaseUserId: text('lease_user_id'),
    leaseDisplayName: text('lease_display_name'),
    leaseWorkstation: uuid('lease_workstation'),
    leaseUntil: instant('lease_until'),
    attempts: integer('attempts').notNull().default(0),
    outcome: text('outcome'),
    closedAt: instant('closed_at'),
    retentionReason: text('retention_reason'),
    retainedUntil: date('retained_until', { mode: 'string' }),
    /** Issue 16: the worker's justification of the retention; may name people, so it goes with the personal data. */
    retentionNote: text('retention_note'),
    /**
     * Issue 16: a retention asked for longer than one year waits for a supervisor. Until one
     * confirms or shortens it, `retained_until` is one year after closing and this holds the date
     * asked for; NULL when nothing waits.
     */
    retentionRequestedUntil: date('retention_requested_until', { mode: 'string' }),
    /** Who closed with that long retention (a supervisor confirms only someone else's). */
    retentionRequestedBy: text('retention_requested_by'),
    retentionConfirmedBy: text('retention_confirmed_by'),
    retentionConfirmedAt: instant('retention_confirmed_at'),
    erasedAt: instant('erased_at'),
  },
  (t) => [
    uniqueIndex('requests_reference').on(t.reference),
    // Periodic work: leases that ran out, callbacks nobody claimed.
    index('requests_lease_until').on(t.leaseUntil).where(sql`${t.status} = 'claimed'`),
    index('requests_open_callbacks').on(t.preferredDate).where(sql`${t.status} = 'open' AND ${t.kind} = 'callback'`),
  ],
);

/** The free-SMS log: 90 days, then gone. */
export const smsLog = pgTable(
  'sms_log',
  {
    id: uuid('id').primaryKey(),
    customerNumber: text('customer_number').notNull(),
    sentAt: instant('sent_at').notNull(),
    ip: text('ip').notNull(),
  },
  (t) => [index('sms_log_sent_at').on(t.sentAt)],
);

/** The Online-Kundencenter's access log (SYNC_API 1.1): 90 days, then gone. */
export const portalAccess = pgTable(
  'portal_access',
  {
    id: uuid('id').primaryKey(),
    customerNumber: text('customer_number').notNull(),
    at: instant('at').notNull(),
    ip: text('ip').notNull(),
    action: text('action').notNull(),
  },
  (t) => [index('portal_access_at').on(t.at)],
);

/**
 * The feed. `data` holds the event's fields except id, type and at, never personal data; an
 * `sms.logged` event reads its record from sms_log (and goes with it).
 */
export const feedEvents = pgTable(
  'feed_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull(),
    type: text('type').notNull(),
    at: instant('at').notNull(),
    /** Who may read it: feed/audience.ts. */
    audience: smallint('audience').notNull(),
    smsId: uuid('sms_id').references(() => smsLog.id, { onDelete: 'cascade' }),
    /** portal.logged: the access it shows (read from portal_access, and deleted with it). */
    portalId: uuid('portal_id').references(() => portalAccess.id, { onDelete: 'cascade' }),
    data: jsonb('data').notNull(),
  },
  (t) => [
    index('feed_events_audience_seq').on(t.audience, t.seq),
    uniqueIndex('feed_events_id').on(t.id),
    index('feed_events_sms').on(t.smsId),
    index('feed_events_portal').on(t.portalId),
  ],
);

/** Claim idempotency: the same eventId from the same caller gets the same answer. */
export const claimKeys = pgTable('claim_keys', {
  eventId: uuid('event_id').primaryKey(),
  requestId: uuid('request_id').notNull(),
  userId: text('user_id').notNull(),
  workstation: uuid('workstation').notNull(),
  leaseUntil: instant('lease_until').notNull(),
  createdAt: instant('created_at').notNull(),
});

/** Request-event idempotency: a retried attempt, release or close is a duplicate, not an error. */
export const requestEventKeys = pgTable('request_event_keys', {
  eventId: uuid('event_id').primaryKey(),
  requestId: uuid('request_id').notNull(),
  createdAt: instant('created_at').notNull(),
});

/** Bearer tokens, kept only as their SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id').notNull(),
    displayName: text('display_name').notNull(),
    roles: jsonb('roles').$type<string[]>().notNull(),
    workstation: uuid('workstation').notNull(),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    revokedAt: instant('revoked_at'),
  },
  (t) => [index('sessions_expires_at').on(t.expiresAt)],
);

/** Failed logins per user and per client address, for throttling (shared by every process). */
export const loginFailures = pgTable('login_failures', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStart: instant('window_start').notNull(),
  blockedUntil: instant('blocked_until'),
});

/** Purge receipts: one per (workstation, subject, rule). */
export const receipts = pgTable(
  'receipts',
  {
    workstation: uuid('workstation').notNull(),
    /** `request:<id>` or `sms-before:<instant>`. */
    subject: text('subject').notNull(),
    rule: text('rule').notNull(),
    requestId: uuid('request_id'),
    smsBefore: text('sms_before'),
    purgedAt: text('purged_at').notNull(),
    recordedAt: instant('recorded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workstation, t.subject, t.rule] })],
);


/** Intake idempotency (SYNC_API 1.1): a form sent again with the same key gets the same answer for 24 hours. */
export const intakeKeys = pgTable(
  'intake_keys',
  {
    endpoint: text('endpoint').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of the form's canonical JSON: the same key with another form is a conflict. */
    bodyHash: text('body_hash').notNull(),
    /** The 201 answer (id, receivedAt, reference): no personal data. */
    response: jsonb('response'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.endpoint, t.key] }), index('intake_keys_created_at').on(t.createdAt)],
);

/** Forms per client address (keyed hash) and minute, shared by every backend process. */
export const intakeRate = pgTable('intake_rate', {
  key: text('key').primaryKey(),
  forms: integer('forms').notNull(),
  windowStart: instant('window_start').notNull(),
});

/** Legal holds (issue 14): a customer's SMS and portal records kept past 90 days, four eyes. */
export const holds = pgTable(
  'holds',
  {
    id: uuid('id').primaryKey(),
    caseRef: text('case_ref').notNull(),
    customerNumber: text('customer_number').notNull(),
    reason: text('reason').notNull(),
    until: date('until', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedByName: text('requested_by_name').notNull(),
    requestedAt: instant('requested_at').notNull(),
    decidedBy: text('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedAt: instant('decided_at'),
    decisionNote: text('decision_note'),
  },
  (t) => [index('holds_customer').on(t.customerNumber), index('holds_status_until').on(t.status, t.until)],
);

/**
 * The disclosure register (issue 16): SMS records handed to an authority, four eyes. The records
 * are named by id only (`sms_ids`); their values never enter this table.
 */
export const disclosures = pgTable(
  'disclosures',
  {
    id: uuid('id').primaryKey(),
    caseRef: text('case_ref').notNull(),
    authority: text('authority').notNull(),
    authorityRef: text('authority_ref').notNull(),
    legalBasis: text('legal_basis').notNull(),
    smsIds: jsonb('sms_ids').$type<string[]>().notNull(),
    status: text('status').notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedByName: text('requested_by_name').notNull(),
    requestedAt: instant('requested_at').notNull(),
    decidedBy: text('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedAt: instant('decided_at'),
    decisionNote: text('decision_note'),
  },
  (t) => [index('disclosures_requested_at').on(t.requestedAt)],
);

/**
 * Registered workstations (issue 14): each keeps a secret it got at its first login; a session
 * naming the workstation needs it. Only the secret's SHA-256 is kept.
 */
export const workstations = pgTable('workstations', {
  id: uuid('id').primaryKey(),
  secretHash: text('secret_hash').notNull(),
  registeredAt: instant('registered_at').notNull(),
  registeredBy: text('registered_by').notNull(),
  retiredAt: instant('retired_at'),
  retiredBy: text('retired_by'),
  /** Issue 16: who retired it (display name) and why, for the supervisors' view. */
  retiredByName: text('retired_by_name'),
  retireReason: text('retire_reason'),
  /** The last feed read or login, to the minute (written at most once a minute). */
  lastSeenAt: instant('last_seen_at'),
  /** The latest deletion self-test it reported: when, whether it passed, how many traces it found. */
  lastSelfTestAt: instant('last_self_test_at'),
  lastSelfTestPassed: boolean('last_self_test_passed'),
  lastSelfTestFindings: integer('last_self_test_findings'),
});

/** Which workstation held which request's personal data (a claim answered): its receipts count only for these. */
export const holdings = pgTable(
  'holdings',
  {
    workstation: uuid('workstation').notNull(),
    requestId: uuid('request_id').notNull(),
    since: instant('since').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workstation, t.requestId] })],
);

/** The audit chain's head each workstation proved to extend its previous one. */
export const auditAnchors = pgTable('audit_anchors', {
  workstation: uuid('workstation').primaryKey(),
  seq: integer('seq').notNull(),
  hash: text('hash').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

/**
 * The rules in force for the whole service center (issue 16): one row per rule a supervisor
 * changed (retention keys of shared/rules.ts, `retry_max_attempts`, `retry_min_gap_minutes`); a
 * rule without a row is at its default in code.
 */
export const rulesInForce = pgTable('rules_in_force', {
  key: text('key').primaryKey(),
  value: integer('value').notNull(),
  changedBy: text('changed_by').notNull(),
  changedByName: text('changed_by_name').notNull(),
  changedAt: instant('changed_at').notNull(),
});

/**
 * Every attempt to change a rule, accepted or refused, with who, where and why: the backend's
 * audit of its rules. `version` numbers the accepted ones (the set's version in the feed).
 */
export const ruleChanges = pgTable(
  'rule_changes',
  {
    id: uuid('id').primaryKey(),
    at: instant('at').notNull(),
    userId: text('user_id').notNull(),
    userName: text('user_name').notNull(),
    workstation: uuid('workstation').notNull(),
    change: jsonb('change').notNull(),
    outcome: text('outcome').notNull(),
    reason: text('reason'),
    version: integer('version'),
  },
  (t) => [uniqueIndex('rule_changes_version').on(t.version), index('rule_changes_at').on(t.at)],
);

/**
 * Issue 16: every attempt to read a retained case again (who, where, when, why, and whether it
 * was shown). The stated reason may name people, so it lives here and never in the feed.
 */
export const retainedViews = pgTable(
  'retained_views',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id').notNull(),
    at: instant('at').notNull(),
    userId: text('user_id').notNull(),
    userName: text('user_name').notNull(),
    workstation: uuid('workstation').notNull(),
    reason: text('reason').notNull(),
    /** `shown`, `forbidden` (role) or `not_retained` (nothing kept to show). */
    outcome: text('outcome').notNull(),
  },
  (t) => [index('retained_views_request').on(t.requestId, t.at)],
);

/**
 * A dpo case marked as a request of a data subject (issue 17): its type, the deadline (received
 * + 1 month, shared/subject-deadline.ts), at most one extension, and how the identity was
 * checked. No copy of an identity document exists anywhere: there is no column for one. The free
 * texts (identity note, extension reason) stay here; the feed carries the rest to dpo workstations.
 */
export const subjectRequests = pgTable('subject_requests', {
  requestId: uuid('request_id')
    .primaryKey()
    .references(() => requests.id),
  type: text('type').notNull(),
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  deadline: date('deadline', { mode: 'string' }).notNull(),
  extendedUntil: date('extended_until', { mode: 'string' }),
  extendedOn: date('extended_on', { mode: 'string' }),
  extensionReason: text('extension_reason'),
  personInformedOn: date('person_informed_on', { mode: 'string' }),
  identityMethod: text('identity_method'),
  identityNote: text('identity_note'),
  markedBy: text('marked_by').notNull(),
  markedByName: text('marked_by_name').notNull(),
  markedAt: instant('marked_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

/**
 * The backend's audit of every Find (issue 17): which case, who, where, which kinds of identifier,
 * how many hits. The search terms only as keyed hashes (the key in `meta`), so the audit can show
 * that two searches used the same term without holding it.
 */
export const subjectSearches = pgTable(
  'subject_searches',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id').notNull(),
    at: instant('at').notNull(),
    userId: text('user_id').notNull(),
    userName: text('user_name').notNull(),
    workstation: uuid('workstation').notNull(),
    searchedBy: jsonb('searched_by').$type<string[]>().notNull(),
    termHashes: jsonb('term_hashes').$type<Record<string, string>>().notNull(),
    hits: integer('hits').notNull(),
  },
  (t) => [index('subject_searches_request').on(t.requestId, t.at)],
);

/** The hits a case's searches found (ids only) and the officer's decision on each; purged with the case's personal data. */
export const subjectHits = pgTable(
  'subject_hits',
  {
    requestId: uuid('request_id').notNull(),
    hitId: text('hit_id').notNull(),
    decision: text('decision'),
    reason: text('reason'),
    decidedBy: text('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedAt: instant('decided_at'),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.hitId] })],
);

/**
 * A Löschung (issue 17): what one data-subject request's erasure took and what it left, by source
 * and id only, with each kept item's reason and last day. `log_owers` names the workstations that
 * had read the erased SMS / portal records from the feed: their receipts close the erasure.
 */
export const subjectErasures = pgTable('subject_erasures', {
  id: uuid('id').primaryKey(),
  requestId: uuid('request_id')
    .notNull()
    .unique()
    .references(() => requests.id),
  at: instant('at').notNull(),
  userId: text('user_id').notNull(),
  userName: text('user_name').notNull(),
  erased: jsonb('erased').$type<{ source: string; id: string; at: string }[]>().notNull(),
  kept: jsonb('kept').$type<{ source: string; id: string; at: string; reason: string; until: string | null }[]>().notNull(),
  logOwers: jsonb('log_owers').$type<{ workstation: string; log: string }[]>().notNull(),
});

/** How far each workstation has read the feed with the SMS and portal audiences: who holds which log record. */
export const logReaders = pgTable('log_readers', {
  workstation: uuid('workstation').primaryKey(),
  throughSeq: bigint('through_seq', { mode: 'number' }).notNull(),
});

/**
 * Issue 17, part 3: when the Auskunft of a case was produced and sent, and by whom, so the proof
 * period on the workstation runs from a recorded day. Never its content: that is assembled from
 * the sources on demand and lives only in the holder's private folder until sent + proof period.
 */
export const subjectReports = pgTable('subject_reports', {
  requestId: uuid('request_id')
    .primaryKey()
    .references(() => requests.id),
  producedAt: instant('produced_at').notNull(),
  producedBy: text('produced_by').notNull(),
  producedByName: text('produced_by_name').notNull(),
  items: integer('items').notNull(),
  sentOn: date('sent_on', { mode: 'string' }),
  sentBy: text('sent_by'),
  sentByName: text('sent_by_name'),
  sentRecordedAt: instant('sent_recorded_at'),
});

/**
 * Issue 17, part 5: each Berichtigung, without any value (old or new): which fields of which
 * request were corrected, for which case, by whom and when. The old values are overwritten in
 * `requests` and kept nowhere.
 */
export const subjectRectifications = pgTable(
  'subject_rectifications',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    targetId: uuid('target_id').notNull(),
    fields: jsonb('fields').$type<string[]>().notNull(),
    userId: text('user_id').notNull(),
    userName: text('user_name').notNull(),
    workstation: uuid('workstation').notNull(),
    at: instant('at').notNull(),
  },
  (t) => [index('subject_rectifications_case').on(t.caseId, t.at)],
);

/**
 * Issue 17, part 5 (Art. 18): a record restricted for a case: stored, not processed (no claim,
 * no lookup, no disclosure) until lifted. At most one active restriction per record.
 */
export const restrictions = pgTable(
  'restrictions',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    source: text('source').notNull(),
    recordId: uuid('record_id').notNull(),
    /** Set when a granted Widerspruch restricted the record (its effect), else null. */
    objectionId: uuid('objection_id'),
    reason: text('reason').notNull(),
    userId: text('user_id').notNull(),
    userName: text('user_name').notNull(),
    at: instant('at').notNull(),
    liftedAt: instant('lifted_at'),
    liftReason: text('lift_reason'),
    liftedBy: text('lifted_by'),
    liftedByName: text('lifted_by_name'),
  },
  (t) => [
    uniqueIndex('restrictions_active_record').on(t.source, t.recordId).where(sql`${t.liftedAt} IS NULL`),
    index('restrictions_case').on(t.caseId, t.at),
  ],
);

/** Issue 17, part 5 (Art. 21): an objection with its scope, decision, grounds and date. */
export const subjectObjections = pgTable(
  'subject_objections',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    scope: text('scope').notNull(),
    purpose: text('purpose'),
    decision: text('decision').notNull(),
    reason: text('reason').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    userId: text('user_id').notNull(),
    userName: text('user_name').notNull(),
    at: instant('at').notNull(),
  },
  (t) => [index('subject_objections_case').on(t.caseId, t.at)],
);
