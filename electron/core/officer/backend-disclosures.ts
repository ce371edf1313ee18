// Applies the backend's disclosure register (feed `disclosure.updated` and the answers to this
// desk's own requests, issue 16) to the local register, so every workstation of dpo and
// supervisors shows the same entries and decisions. Only ids, who, when and why are stored here;
// the SMS values are read from the local log when a package is shown or exported.
import { sql } from 'drizzle-orm';
import type { BackendDisclosure } from '../../../shared/disclosures';
import type { DeskDb } from '../db/open';
import { disclosureApprovals, disclosureItems, disclosures } from '../db/officer-schema';

export function applyBackendDisclosure(db: DeskDb, disclosure: BackendDisclosure): void {
  db.transaction(() => {
    db.insert(disclosures)
      .values({
        id: disclosure.id,
        caseRef: disclosure.caseRef,
        authority: disclosure.authority,
        authorityRef: disclosure.authorityRef,
        legalBasis: disclosure.legalBasis,
        requestedBy: disclosure.requestedBy.userId,
        requestedByName: disclosure.requestedBy.displayName,
        requestedAt: disclosure.requestedAt,
      })
      // The register's fields never change at the backend; the export columns are this desk's own.
      .onConflictDoUpdate({ target: disclosures.id, set: { caseRef: sql`excluded.case_ref` } })
      .run();
    for (const smsId of disclosure.smsIds) db.insert(disclosureItems).values({ disclosureId: disclosure.id, smsId }).onConflictDoNothing().run();
    if (disclosure.status === 'requested' || !disclosure.decidedBy || !disclosure.decidedAt) return;
    // A decision is final at the backend: the first one this desk learns is the one.
    db.insert(disclosureApprovals)
      .values({
        id: disclosure.id,
        disclosureId: disclosure.id,
        decision: disclosure.status,
        decidedBy: disclosure.decidedBy.userId,
        decidedByName: disclosure.decidedBy.displayName,
        decidedAt: disclosure.decidedAt,
        note: disclosure.decisionNote ?? '',
      })
      .onConflictDoNothing()
      .run();
  });
}
