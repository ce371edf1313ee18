// The Find over the disclosures register (issue 17, part 3): a disclosure concerns the person when
// it names SMS records of their customer number. The register holds record ids only, so the
// person's records are those ids whose SMS log entry carries the customer number. A hit says to
// which authority, under which case reference, when and with which status, and how many of the
// person's records; the other records of the package (other customers) never leave the backend.
import { asc, eq, inArray } from 'drizzle-orm';
import { type SubjectHit } from '../../shared/subject-requests';
import { type Tx } from '../db/database';
import { disclosures, smsLog } from '../db/schema';
import { wireInstant } from '../time';

type DisclosureRow = typeof disclosures.$inferSelect;

/** The person's SMS ids named by `row` among `ownIds`. */
export const ownRecordsOf = (row: DisclosureRow, ownIds: ReadonlySet<string>): string[] => row.smsIds.filter((id) => ownIds.has(id));

export async function findDisclosures(tx: Tx, customerNumber: string): Promise<SubjectHit[]> {
  const own = new Set((await tx.select({ id: smsLog.id }).from(smsLog).where(eq(smsLog.customerNumber, customerNumber))).map((r) => r.id));
  if (own.size === 0) return [];
  // The register is small (a few packages a year): read it and match in code rather than unnest jsonb on both drivers.
  const rows = await tx.select().from(disclosures).orderBy(asc(disclosures.requestedAt));
  return rows.flatMap((row): SubjectHit[] => {
    const records = ownRecordsOf(row, own).length;
    if (records === 0) return [];
    return [
      {
        id: `disclosure:${row.id}`,
        source: 'disclosure',
        matchedBy: ['customerNumber'],
        disclosureId: row.id,
        authority: row.authority,
        caseRef: row.caseRef,
        requestedAt: wireInstant(row.requestedAt),
        status: row.status as 'requested' | 'approved' | 'rejected',
        records,
      },
    ];
  });
}

/** The disclosures with these ids (the included hits of a case). */
export async function disclosuresById(tx: Tx, ids: readonly string[]): Promise<DisclosureRow[]> {
  if (ids.length === 0) return [];
  return tx.select().from(disclosures).where(inArray(disclosures.id, [...ids])).orderBy(asc(disclosures.requestedAt));
}
