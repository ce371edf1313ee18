// Records in an approved disclosure may be kept past the log's 90 days while the authority needs
// them: one SMS legal hold per customer number in the package, set by the data-protection officer
// through the retention engine's holds (at most its legal-hold period, 180 days), effective only
// once a supervisor confirms it there (four eyes, as for every hold).
import type { DeskDb } from '../db/open';
import type { Clock } from '../clock';
import { DeskError } from '../desk-error';
import { setSmsHold } from '../retention/holds';
import { disclosureEntry, itemIds, smsRecordsById, type Staff } from './disclosures';

export function holdDisclosedRecords(db: DeskDb, clock: Clock, officer: Staff, input: { disclosureId: string; until: string; note: string }): { holdIds: string[] } {
  const entry = disclosureEntry(db, officer, input.disclosureId);
  if (entry.status !== 'approved') throw new DeskError('conflict', 'Eine Sicherung gibt es nur für freigegebene Offenlegungen.');
  const ids = itemIds(db, entry.id);
  const records = smsRecordsById(db, ids);
  // Every record must be here, or a customer could miss the hold (not yet re-synced, or purged).
  if (records.length !== ids.length) throw new DeskError('conflict', `${ids.length - records.length} Datensätze fehlen im SMS-Protokoll (noch nicht synchronisiert oder gelöscht).`);
  const customers = [...new Set(records.map((r) => r.customerNumber))].sort();
  const note = `Offenlegung an ${entry.authority} (${entry.authorityRef}): ${input.note}`.slice(0, 500);
  // All or nothing: one refused hold (period too long) leaves none behind.
  return { holdIds: db.transaction(() => customers.map((customerNumber) => setSmsHold(db, clock, officer, { caseRef: entry.caseRef, customerNumber, until: input.until, note }))) };
}
