// Tables of the officers' desk (issue 5): internal case notes, disclosures to authorities.
// Kept apart from schema.ts so that two engineers can change the schema without colliding.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { personalData, requests } from './schema';

/**
 * An officer's internal note on a confidential case. Notes are personal data: they hang off the
 * case's personal data row, so every purge of it (close, release, erasure, another user's login)
 * deletes the notes by ON DELETE CASCADE, without the purge code having to know about them.
 */
export const caseNotes = sqliteTable(
  'case_notes',
  {
    id: text('id').primaryKey(),
    requestId: text('request_id')
      .notNull()
      .references(() => personalData.requestId, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    authorId: text('author_id').notNull(),
    authorName: text('author_name').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('case_notes_request').on(t.requestId, t.createdAt)],
);

/**
 * A package of SMS records for an authority (after a criminal complaint). The register row holds
 * who asked, for whom and why, never the SMS values themselves: those are read from sms_log by id
 * at export time, so the register does not keep personal data past the log's 90 days.
 */
export const disclosures = sqliteTable(
  'disclosures',
  {
    id: text('id').primaryKey(),
    caseRef: text('case_ref').notNull(),
    authority: text('authority').notNull(),
    /** The authority's own case number (Aktenzeichen). */
    authorityRef: text('authority_ref').notNull(),
    legalBasis: text('legal_basis').notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedByName: text('requested_by_name').notNull(),
    requestedAt: text('requested_at').notNull(),
    exportedAt: text('exported_at'),
    exportedBy: text('exported_by'),
    /** SHA-256 of the last export's manifest: what was handed over can be proven later. */
    manifestSha256: text('manifest_sha256'),
    /**
     * Issue 16: the exported folder holds the disclosed SMS values; it ends DISCLOSURE_EXPORT_DAYS
     * after the first export (the handover package), set then and never moved by a later export.
     */
    exportEndsAt: text('export_ends_at'),
    /** When the retention sweep deleted the folder (a receipt in the Löschprotokoll proves it). */
    exportPurgedAt: text('export_purged_at'),
  },
  (t) => [index('disclosures_requested').on(t.requestedAt)],
);

/** The SMS records of a disclosure, by id only (no foreign key: the log is purged and re-synced). */
export const disclosureItems = sqliteTable(
  'disclosure_items',
  {
    disclosureId: text('disclosure_id')
      .notNull()
      .references(() => disclosures.id, { onDelete: 'cascade' }),
    smsId: text('sms_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.disclosureId, t.smsId] })],
);

/** The supervisor's decision on a disclosure: one per disclosure, final, by a different person. */
export const disclosureApprovals = sqliteTable(
  'disclosure_approvals',
  {
    id: text('id').primaryKey(),
    disclosureId: text('disclosure_id')
      .notNull()
      .references(() => disclosures.id, { onDelete: 'cascade' }),
    decision: text('decision', { enum: ['approved', 'rejected'] }).notNull(),
    decidedBy: text('decided_by').notNull(),
    decidedByName: text('decided_by_name').notNull(),
    decidedAt: text('decided_at').notNull(),
    note: text('note').notNull(),
  },
  (t) => [uniqueIndex('disclosure_approvals_disclosure').on(t.disclosureId)],
);

/**
 * A dpo case marked as a data subject's request (issue 17), as the backend's `subject.updated`
 * says: type, deadline, extension, whether the person was told, how the identity was checked.
 * No free text and no personal data (those stay at the backend). Goes with the queue entry.
 */
export const subjectRequests = sqliteTable('subject_requests', {
  requestId: text('request_id')
    .primaryKey()
    .references(() => requests.id, { onDelete: 'cascade' }),
  type: text('type').notNull(),
  receivedOn: text('received_on').notNull(),
  deadline: text('deadline').notNull(),
  extendedUntil: text('extended_until'),
  personInformedOn: text('person_informed_on'),
  identityMethod: text('identity_method'),
  markedByName: text('marked_by_name').notNull(),
  markedAt: text('marked_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * Issue 17, part 3: the Auskunft the officer wrote on this workstation (PDF and JSON in
 * subject-reports/<requestId>/, a private folder). Kept until the day it was sent plus
 * SUBJECT_REPORT_PROOF_DAYS (`endsAt`), then the retention sweep destroys the folder and keeps
 * the manifest's hash as proof. No foreign key: the files must be purged even when the queue
 * entry went first. No personal data in this row.
 */
export const subjectReportFiles = sqliteTable('subject_report_files', {
  requestId: text('request_id').primaryKey(),
  producedAt: text('produced_at').notNull(),
  producedBy: text('produced_by').notNull(),
  items: integer('items').notNull(),
  manifestSha256: text('manifest_sha256').notNull(),
  sentOn: text('sent_on'),
  endsAt: text('ends_at'),
  purgedAt: text('purged_at'),
});

/**
 * Issue 17 part 5 (Art. 18): records restricted at the backend, as `restriction.updated` says:
 * which record (a request, an SMS send, a portal access) by id, and whether it is restricted now.
 * No reason (free text) and no personal data. A restricted request is not claimed here and an SMS
 * record is left out of lookups; the row stays after lifting so a late event cannot revive it.
 */
export const restrictedRecords = sqliteTable(
  'restricted_records',
  {
    source: text('source').notNull(),
    recordId: text('record_id').notNull(),
    restrictionId: text('restriction_id').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    since: text('since').notNull(),
    liftedAt: text('lifted_at'),
  },
  (t) => [primaryKey({ columns: [t.source, t.recordId] })],
);
