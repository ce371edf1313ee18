// The local database. Queue entries (no personal data) and personal data live in separate
// tables, so that a purge is one clear DELETE; tombstones keep the proof without personal data.
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A queue entry as the feed describes it: never personal data. */
export const requests = sqliteTable(
  'requests',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['callback', 'contact', 'dpo', 'equality'] }).notNull(),
    receivedAt: text('received_at').notNull(),
    topic: text('topic').notNull(),
    preferredDate: text('preferred_date'),
    windowFrom: text('window_from'),
    windowTo: text('window_to'),
    /** The preferred window as UTC instants, computed in Europe/Berlin at ingest. */
    dueFrom: text('due_from'),
    dueUntil: text('due_until'),
    status: text('status', { enum: ['open', 'claim_pending', 'claimed', 'claimed_elsewhere', 'closed'] }).notNull(),
    ownerUserId: text('owner_user_id'),
    ownerName: text('owner_name'),
    ownerWorkstation: text('owner_workstation'),
    leaseUntil: text('lease_until'),
    attempts: integer('attempts').notNull().default(0),
    forwardedTo: text('forwarded_to'),
    closedAt: text('closed_at'),
    outcome: text('outcome'),
    retentionReason: text('retention_reason'),
    retainedUntil: text('retained_until'),
    retentionNote: text('retention_note'),
    /** The short code a caller quotes (SYNC_API 1.1); no personal data in it. */
    reference: text('reference'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('requests_status_due').on(t.status, t.dueFrom),
    index('requests_reference').on(t.reference),
    // Covers what the workbench's filters and counts compare most (kind, status, topic, owner,
    // "Meine"): counting matches reads this narrow index instead of the table.
    index('requests_queue_filter').on(t.kind, t.status, t.topic, t.ownerName, t.ownerUserId),
    // "Meine" reads only the few rows held by this user instead of counting through the queue.
    index('requests_owner').on(t.ownerUserId),
    // The queue's first page (one kind, one status, by due with undated entries last) straight
    // from the index instead of sorting every match: the expression matches queue-view's ORDER BY.
    index('requests_queue_order').on(t.kind, t.status, sql`${t.dueFrom} IS NULL`, t.dueFrom, t.receivedAt),
    // The workbench's default order over all kinds (queue-window.ts walks it and stops after
    // the window instead of sorting every match).
    index('requests_due_order').on(sql`${t.dueFrom} IS NULL`, t.dueFrom, t.receivedAt),
    // Live updates ask only for rows changed since the last look.
    index('requests_updated').on(t.updatedAt),
  ],
);

/** Personal data of a request this workstation claimed. Deleting the row is the purge. */
export const personalData = sqliteTable('personal_data', {
  requestId: text('request_id')
    .primaryKey()
    .references(() => requests.id, { onDelete: 'cascade' }),
  salutation: text('salutation'),
  name: text('name').notNull(),
  phone: text('phone'),
  email: text('email'),
  subject: text('subject'),
  message: text('message'),
  note: text('note'),
  claimedAt: text('claimed_at').notNull(),
});

export const callbackAttempts = sqliteTable(
  'callback_attempts',
  {
    requestId: text('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    attemptNo: integer('attempt_no').notNull(),
    disposition: text('disposition').notNull(),
    at: text('at').notNull(),
    byName: text('by_name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.attemptNo] })],
);

/** Events for the backend, sent in order with their id as idempotency key. */
export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    eventId: text('event_id').notNull().unique(),
    requestId: text('request_id').notNull(),
    type: text('type', { enum: ['claim', 'attempt', 'forward', 'release', 'close'] }).notNull(),
    at: text('at').notNull(),
    data: text('data', { mode: 'json' }).notNull(),
    status: text('status', { enum: ['pending', 'sent', 'rejected'] }).notNull(),
    tries: integer('tries').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [index('outbox_status').on(t.status, t.seq)],
);

/** Proof of deletion: what was purged, when, by which rule. No personal data. */
export const tombstones = sqliteTable('tombstones', {
  requestId: text('request_id').primaryKey(),
  kind: text('kind').notNull(),
  receivedAt: text('received_at').notNull(),
  closedAt: text('closed_at'),
  purgedAt: text('purged_at').notNull(),
  rule: text('rule').notNull(),
  outcome: text('outcome'),
  /** Which workstation held the personal data, and when it had to purge it: the overdue check. */
  ownerWorkstation: text('owner_workstation'),
  purgeDueAt: text('purge_due_at'),
});

export const receipts = sqliteTable('receipts', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  requestId: text('request_id'),
  smsBefore: text('sms_before'),
  /** Issue 17: the Löschung whose SMS or portal records (`erasure_log`) were purged here. */
  erasureId: text('erasure_id'),
  erasureLog: text('erasure_log', { enum: ['sms', 'portal'] }),
  purgedAt: text('purged_at').notNull(),
  rule: text('rule').notNull(),
  /** `refused`: the backend would not take it (issue 14: not held here, implausible time); kept as a record. */
  /** `local` (issue 16): proof only this workstation can give (an export folder it wrote), never sent. */
  status: text('status', { enum: ['pending', 'sent', 'refused', 'local'] }).notNull(),
});

/** Free-SMS sends. `ip_key` is the address as 16 bytes (IPv4 mapped) so CIDR ranges are index ranges. */
export const smsLog = sqliteTable(
  'sms_log',
  {
    id: text('id').primaryKey(),
    customerNumber: text('customer_number').notNull(),
    sentAt: text('sent_at').notNull(),
    ip: text('ip').notNull(),
    ipKey: blob('ip_key', { mode: 'buffer' }).notNull(),
  },
  (t) => [
    index('sms_customer_sent').on(t.customerNumber, t.sentAt),
    index('sms_ip_sent').on(t.ipKey, t.sentAt),
    index('sms_sent').on(t.sentAt),
  ],
);

/** Hash-chained; holds no personal data in clear (keyed hashes where a value must be matchable). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    subject: text('subject'),
    details: text('details').notNull().default('{}'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  // The supervisors' Prüfprotokoll filters by time range and action.
  (t) => [index('audit_at').on(t.at), index('audit_action').on(t.action, t.seq)],
);

/**
 * The HMAC keys of the audit log's keyed hashes, one per UTC month (issue 12): an entry written in
 * that month is hashed with its key. A lookup concerns only SMS sent before the month's end, so
 * once the purge has removed everything sent before `coversSmsBefore` the key is deleted, and
 * the month's hashes can no longer be reversed by trying customer numbers. `legacy` is the one
 * key of versions before; it covers what was sent before the upgrade.
 */
export const auditKeys = sqliteTable('audit_keys', {
  period: text('period').primaryKey(),
  /** 32 random bytes, hex. */
  key: text('key').notNull(),
  coversSmsBefore: text('covers_sms_before').notNull(),
});

/** Malformed feed events, counted without their content. */
export const quarantine = sqliteTable('quarantine', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  eventId: text('event_id'),
  eventType: text('event_type'),
  reason: text('reason').notNull(),
  at: text('at').notNull(),
});

export const syncState = sqliteTable('sync_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

/** Supervisors' tightened retention periods; the limits stay in code so the database cannot loosen them. */
export const retentionRules = sqliteTable('retention_rules', {
  key: text('key').primaryKey(),
  period: integer('period').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});

/**
 * SMS legal holds: set by an officer, effective once a different person (supervisor) confirms.
 * The customer number is personal data and is cleared when the hold ends.
 */
export const smsHolds = sqliteTable('sms_holds', {
  id: text('id').primaryKey(),
  caseRef: text('case_ref').notNull(),
  customerNumber: text('customer_number'),
  note: text('note').notNull(),
  until: text('until').notNull(),
  setBy: text('set_by').notNull(),
  setByName: text('set_by_name').notNull(),
  setAt: text('set_at').notNull(),
  confirmedBy: text('confirmed_by'),
  confirmedByName: text('confirmed_by_name'),
  confirmedAt: text('confirmed_at'),
  endedAt: text('ended_at'),
});

/** Results of the deletion self-test: pass/fail, when, which files were scanned. No markers kept. */
export const selfTests = sqliteTable('self_tests', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  actor: text('actor').notNull(),
  passed: integer('passed', { mode: 'boolean' }).notNull(),
  files: text('files', { mode: 'json' }).$type<string[]>().notNull(),
  findings: text('findings', { mode: 'json' }).$type<{ file: string; encoding: string }[]>().notNull(),
});

/** Receipts of every workstation, from the supervisors' feed (`receipt.recorded`). */
export const remoteReceipts = sqliteTable(
  'remote_receipts',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    /** The request id, or `sms:<instant>` for an SMS cut. */
    subject: text('subject').notNull(),
    workstation: text('workstation').notNull(),
    purgedAt: text('purged_at').notNull(),
    rule: text('rule').notNull(),
  },
  (t) => [uniqueIndex('remote_receipts_subject_ws').on(t.subject, t.workstation)],
);

/**
 * Planned purges not yet done. A sweep writes its whole plan here in one transaction and
 * works it off in batches, so a crash in between resumes where it stopped.
 */
export const purgeQueue = sqliteTable('purge_queue', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  action: text('action', { enum: ['expire', 'retire', 'drop', 'sms', 'hold'] }).notNull(),
  /** Request id; for `sms` the id of the SMS record. */
  targetId: text('target_id').notNull(),
  rule: text('rule').notNull(),
  plannedAt: text('planned_at').notNull(),
});

/**
 * Audit heads the backend refused (issue 14, feed `audit.refused`): a workstation whose chain no
 * longer extends what it proved before. Supervisors see them as broken chains.
 */
export const auditAlerts = sqliteTable('audit_alerts', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  eventId: text('event_id').notNull().unique(),
  workstation: text('workstation').notNull(),
  at: text('at').notNull(),
  expectedSeq: integer('expected_seq'),
  offeredSeq: integer('offered_seq').notNull(),
});

/** The Online-Kundencenter's access log (SYNC_API 1.1), for dpo and supervisors: 90 days, like the SMS log. */
export const portalLog = sqliteTable(
  'portal_log',
  {
    id: text('id').primaryKey(),
    customerNumber: text('customer_number').notNull(),
    at: text('at').notNull(),
    ip: text('ip').notNull(),
    ipKey: blob('ip_key', { mode: 'buffer' }).notNull(),
    action: text('action').notNull(),
  },
  (t) => [index('portal_customer_at').on(t.customerNumber, t.at), index('portal_ip_at').on(t.ipKey, t.at), index('portal_at').on(t.at)],
);
