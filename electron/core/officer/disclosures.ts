// The local register of disclosures of SMS records to an authority: the copy of the backend's
// register (asked for and decided there: disclosure-requests.ts), read for the lists, the
// package's detail and the export. It keeps ids and who/when/to whom, never the SMS values.
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { DisclosureDetail, DisclosureEntry } from '../../../shared/officer-views';
import { appendAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { disclosureApprovals, disclosureItems, disclosures } from '../db/officer-schema';
import { smsLog } from '../db/schema';
import { DeskError } from '../desk-error';
import type { SmsRecord } from '../sms/lookup-report';

export interface Staff {
  userId: string;
  displayName: string;
}

const CHUNK = 500;

const entryColumns = {
  d: disclosures,
  a: disclosureApprovals,
  records: sql<number>`(SELECT count(*) FROM ${disclosureItems} WHERE ${disclosureItems.disclosureId} = ${disclosures.id})`,
};

type EntryRow = { d: typeof disclosures.$inferSelect; a: typeof disclosureApprovals.$inferSelect | null; records: number };

function toEntry(row: EntryRow, viewer: Staff): DisclosureEntry {
  const { d, a } = row;
  return {
    id: d.id,
    caseRef: d.caseRef,
    authority: d.authority,
    authorityRef: d.authorityRef,
    legalBasis: d.legalBasis,
    records: Number(row.records),
    requestedBy: d.requestedByName,
    requestedAt: d.requestedAt,
    mine: d.requestedBy === viewer.userId,
    status: a?.decision ?? 'pending',
    decidedBy: a?.decidedByName ?? null,
    decidedAt: a?.decidedAt ?? null,
    decisionNote: a?.note || null,
    exportedAt: d.exportedAt,
    manifestSha256: d.manifestSha256,
    exportEndsAt: d.exportEndsAt,
    exportPurgedAt: d.exportPurgedAt,
  };
}

function entryQuery(db: DeskDb) {
  return db.select(entryColumns).from(disclosures).leftJoin(disclosureApprovals, eq(disclosureApprovals.disclosureId, disclosures.id));
}

export function disclosureEntry(db: DeskDb, viewer: Staff, id: string): DisclosureEntry {
  const row = entryQuery(db).where(eq(disclosures.id, id)).get();
  if (!row) throw new DeskError('not_found', 'Diese Offenlegung gibt es nicht.');
  return toEntry(row, viewer);
}

export function listDisclosures(db: DeskDb, viewer: Staff): DisclosureEntry[] {
  return entryQuery(db).orderBy(desc(disclosures.requestedAt)).all().map((row) => toEntry(row, viewer));
}

/** The SMS records with these ids as the log holds them now (chunked: SQLite caps bound variables). */
export function smsRecordsById(db: DeskDb, ids: readonly string[]): SmsRecord[] {
  const out: SmsRecord[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    out.push(
      ...db
        .select({ id: smsLog.id, customerNumber: smsLog.customerNumber, sentAt: smsLog.sentAt, ip: smsLog.ip })
        .from(smsLog)
        .where(inArray(smsLog.id, ids.slice(i, i + CHUNK)))
        .all(),
    );
  }
  return out.sort((a, b) => a.sentAt.localeCompare(b.sentAt) || a.id.localeCompare(b.id));
}

export function disclosureDetail(db: DeskDb, clock: Clock, viewer: Staff, id: string): DisclosureDetail {
  const entry = disclosureEntry(db, viewer, id);
  const ids = itemIds(db, id);
  const records = smsRecordsById(db, ids);
  const present = new Set(records.map((r) => r.id));
  // Showing the package shows SMS values: recorded like a lookup.
  appendAudit(db, clock, { actor: viewer.userId, action: 'disclosure.view', subject: id, details: { records: records.length } });
  return { entry, records, missing: ids.filter((smsId) => !present.has(smsId)) };
}

export function itemIds(db: DeskDb, id: string): string[] {
  return db.select({ smsId: disclosureItems.smsId }).from(disclosureItems).where(eq(disclosureItems.disclosureId, id)).all().map((r) => r.smsId);
}
