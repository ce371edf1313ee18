// Disclosures of SMS records to an authority: the data-protection officer assembles a package,
// a supervisor who is a different person approves or rejects it, and only an approved package
// can be exported. The register keeps ids and who/when/to whom, never the SMS values.
import { randomUUID } from 'node:crypto';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { ChannelInput } from '../../../shared/contract';
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

export function createDisclosure(db: DeskDb, clock: Clock, officer: Staff, input: ChannelInput<'disclosure.create'>): DisclosureEntry {
  const id = randomUUID();
  db.transaction(() => {
    const found = smsRecordsById(db, input.smsIds);
    if (found.length !== input.smsIds.length) {
      throw new DeskError('not_found', `${input.smsIds.length - found.length} der ausgewählten SMS-Datensätze sind nicht (mehr) im Protokoll.`);
    }
    db.insert(disclosures)
      .values({
        id,
        caseRef: input.caseRef,
        authority: input.authority,
        authorityRef: input.authorityRef,
        legalBasis: input.legalBasis,
        requestedBy: officer.userId,
        requestedByName: officer.displayName,
        requestedAt: clock().toISOString(),
      })
      .run();
    for (const smsId of input.smsIds) db.insert(disclosureItems).values({ disclosureId: id, smsId }).run();
    appendAudit(db, clock, { actor: officer.userId, action: 'disclosure.create', subject: id, details: { caseRef: input.caseRef, records: input.smsIds.length } });
  });
  return disclosureEntry(db, officer, id);
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

/** Four eyes: the supervisor who decides may not be the officer who asked. A decision is final. */
export function decideDisclosure(db: DeskDb, clock: Clock, supervisor: Staff, input: ChannelInput<'disclosure.decide'>): DisclosureEntry {
  const before = disclosureEntry(db, supervisor, input.disclosureId);
  if (input.decision === 'rejected' && (input.note?.trim().length ?? 0) < 3) throw new DeskError('invalid_input', 'Eine Ablehnung braucht eine Begründung.');
  if (before.mine) {
    // Outside the transaction below: the refusal itself must stay on record.
    appendAudit(db, clock, { actor: supervisor.userId, action: 'disclosure.decide_refused', subject: before.id, details: { reason: 'same_person' } });
    throw new DeskError('forbidden', 'Eine Offenlegung muss eine andere Person freigeben, als sie beantragt hat.');
  }
  db.transaction(() => {
    const entry = disclosureEntry(db, supervisor, input.disclosureId);
    if (entry.status !== 'pending') throw new DeskError('conflict', 'Über diese Offenlegung ist bereits entschieden.');
    db.insert(disclosureApprovals)
      .values({
        id: randomUUID(),
        disclosureId: entry.id,
        decision: input.decision,
        decidedBy: supervisor.userId,
        decidedByName: supervisor.displayName,
        decidedAt: clock().toISOString(),
        note: input.note ?? '',
      })
      .run();
    appendAudit(db, clock, { actor: supervisor.userId, action: `disclosure.${input.decision}`, subject: entry.id, details: { records: entry.records } });
  });
  return disclosureEntry(db, supervisor, input.disclosureId);
}
