// The end of an Auskunft's files (issue 17, part 3): a second copy of all the person's data, so it
// goes SUBJECT_REPORT_PROOF_DAYS after the day it was sent, with the retention sweep, like a
// disclosure's export: each file overwritten, then removed; a local receipt puts the deletion in
// the Löschprotokoll and the audit chain records it. The manifest's hash stays as the proof of
// what was sent. One never marked as sent ends SUBJECT_REPORT_UNSENT_DAYS after it was written.
import path from 'node:path';
import { and, eq, isNotNull, isNull, lte, min } from 'drizzle-orm';
import { appendAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { subjectReportFiles } from '../db/officer-schema';
import { receipts } from '../db/schema';
import { SYSTEM_ACTOR } from '../retention/purge';
import { destroyFolder } from './disclosure-export-end';
import { SUBJECT_REPORTS_DIR } from './subject-report';

const due = (at: string) => and(isNotNull(subjectReportFiles.endsAt), isNull(subjectReportFiles.purgedAt), lte(subjectReportFiles.endsAt, at));

/** Destroys every Auskunft folder past its end; returns how many. */
export function purgeEndedSubjectReports(db: DeskDb, clock: Clock, dataDir: string): number {
  const now = clock().toISOString();
  const ended = db.select({ id: subjectReportFiles.requestId, manifest: subjectReportFiles.manifestSha256 }).from(subjectReportFiles).where(due(now)).all();
  for (const { id, manifest } of ended) {
    const files = destroyFolder(path.join(dataDir, SUBJECT_REPORTS_DIR, id));
    db.transaction(() => {
      db.update(subjectReportFiles).set({ purgedAt: now }).where(eq(subjectReportFiles.requestId, id)).run();
      db.insert(receipts).values({ requestId: id, purgedAt: now, rule: 'subject_report_ended', status: 'local' }).run();
      appendAudit(db, clock, { actor: SYSTEM_ACTOR, action: 'subject.report_purged', subject: id, details: { files, manifest } });
    });
  }
  return ended.length;
}

/** The soonest end of an Auskunft folder not yet destroyed, for the expiry scheduler. */
export function nextSubjectReportEnd(db: DeskDb): string | null {
  return db.select({ at: min(subjectReportFiles.endsAt) }).from(subjectReportFiles).where(isNull(subjectReportFiles.purgedAt)).get()?.at ?? null;
}
