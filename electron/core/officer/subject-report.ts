// The Auskunft at the officer's desk (issue 17, part 3): the backend assembles it from the hits
// she included and records when it was produced and sent; this workstation writes it as a German
// PDF letter and as JSON into subject-reports/<requestId>/ (the user's alone, 0700/0600) with a
// manifest of SHA-256 hashes, and keeps it until the day it was sent plus
// SUBJECT_REPORT_PROOF_DAYS (subject-report-end.ts); one never marked as sent ends
// SUBJECT_REPORT_UNSENT_DAYS after it was written. The audit chain records each step with
// counts and hashes only: the content is the person's data.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { SubjectReportFiles } from '../../../shared/channels/subject-report-channels';
import { SUBJECT_REPORT_PROOF_DAYS, SUBJECT_REPORT_UNSENT_DAYS, SubjectReport, SubjectReportState } from '../../../shared/subject-report';
import { appendAudit } from '../audit/audit-log';
import type { DeskDb } from '../db/open';
import { subjectReportFiles } from '../db/officer-schema';
import type { DeskContext } from '../desk-context';
import { DeskError } from '../desk-error';
import type { Caller } from '../handlers/handler-types';
import { ensurePrivateFolder } from '../private-folder';
import { berlinDate, berlinDayStart } from '../time/berlin';
import { sha256 } from './disclosure-export';
import { subjectReportPdf } from './subject-report-pdf';
import { ask, officerGate, parsed, path as subjectPath } from './subject-requests';

export const SUBJECT_REPORTS_DIR = 'subject-reports';
export const REPORT_FILES = { pdf: 'auskunft.pdf', json: 'auskunft.json', manifest: 'manifest.json' } as const;

type Row = typeof subjectReportFiles.$inferSelect;

const folderOf = (dataDir: string, requestId: string) => path.join(dataDir, SUBJECT_REPORTS_DIR, requestId);

function filesOf(dataDir: string, row: Row, sizes: Record<string, { bytes: number; sha256: string }>): SubjectReportFiles {
  const dir = folderOf(dataDir, row.requestId);
  return {
    requestId: row.requestId,
    dir,
    files: row.purgedAt ? [] : Object.entries(sizes).map(([name, f]) => ({ name, path: path.join(dir, name), ...f })),
    manifestPath: path.join(dir, REPORT_FILES.manifest),
    manifestSha256: row.manifestSha256,
    producedAt: row.producedAt,
    producedBy: row.producedBy,
    items: row.items,
    sentOn: row.sentOn,
    endsAt: row.endsAt,
    purgedAt: row.purgedAt,
  };
}

/** The manifest's file list (names, sizes, hashes), read back from the folder while it exists. */
function manifestFiles(dataDir: string, row: Row): Record<string, { bytes: number; sha256: string }> {
  if (row.purgedAt) return {};
  try {
    const manifest = JSON.parse(readFileSync(path.join(folderOf(dataDir, row.requestId), REPORT_FILES.manifest), 'utf8')) as { files: { name: string; bytes: number; sha256: string }[] };
    return Object.fromEntries(manifest.files.map((f) => [f.name, { bytes: f.bytes, sha256: f.sha256 }]));
  } catch {
    return {};
  }
}

export function readReportFiles(db: DeskDb, dataDir: string, requestId: string): SubjectReportFiles | null {
  const row = db.select().from(subjectReportFiles).where(eq(subjectReportFiles.requestId, requestId)).get();
  return row ? filesOf(dataDir, row, manifestFiles(dataDir, row)) : null;
}

export async function produceSubjectReport(ctx: DeskContext, caller: Caller, requestId: string): Promise<SubjectReportFiles> {
  officerGate(ctx, caller, requestId);
  const known = ctx.db.select().from(subjectReportFiles).where(eq(subjectReportFiles.requestId, requestId)).get();
  if (known?.sentOn) throw new DeskError('conflict', 'Die Auskunft ist bereits als versandt vermerkt; sie wird nicht neu erstellt.');
  const report = parsed(SubjectReport, await ask(ctx, caller, 'POST', subjectPath(requestId, '/report')));
  const contents: [string, Buffer][] = [
    [REPORT_FILES.pdf, await subjectReportPdf(report)],
    [REPORT_FILES.json, Buffer.from(JSON.stringify(report, null, 2) + '\n', 'utf8')],
  ];
  const dir = folderOf(ctx.options.dataDir, requestId);
  ensurePrivateFolder(path.join(ctx.options.dataDir, SUBJECT_REPORTS_DIR));
  ensurePrivateFolder(dir);
  const sizes: Record<string, { bytes: number; sha256: string }> = {};
  for (const [name, bytes] of contents) {
    writeFileSync(path.join(dir, name), bytes, { mode: 0o600 });
    sizes[name] = { bytes: bytes.length, sha256: sha256(bytes) };
  }
  const items = Object.values(report.data).reduce((n, list) => n + list.length, 0);
  const manifest = { requestId, caseReference: report.caseReference, format: report.format, version: report.version, producedAt: report.producedAt, producedBy: report.producedBy, items, algorithm: 'SHA-256', files: Object.entries(sizes).map(([name, f]) => ({ name, ...f })) };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8');
  writeFileSync(path.join(dir, REPORT_FILES.manifest), manifestBytes, { mode: 0o600 });
  // Until marked as sent, the files end SUBJECT_REPORT_UNSENT_DAYS after writing: a forgotten folder does not stay.
  const endsAt = berlinDayStart(berlinDate(ctx.clock()), SUBJECT_REPORT_UNSENT_DAYS);
  const row: Row = { requestId, producedAt: report.producedAt, producedBy: report.producedBy, items, manifestSha256: sha256(manifestBytes), sentOn: null, endsAt, purgedAt: null };
  ctx.db.transaction(() => {
    ctx.db.insert(subjectReportFiles).values(row).onConflictDoUpdate({ target: subjectReportFiles.requestId, set: row }).run();
    appendAudit(ctx.db, ctx.clock, { actor: caller.session.user.id, action: 'subject.report', subject: requestId, details: { items, manifest: row.manifestSha256 } });
  });
  return filesOf(ctx.options.dataDir, row, sizes);
}

export async function markSubjectReportSent(ctx: DeskContext, caller: Caller, requestId: string, sentOn: string): Promise<SubjectReportFiles> {
  officerGate(ctx, caller, requestId);
  const row = ctx.db.select().from(subjectReportFiles).where(eq(subjectReportFiles.requestId, requestId)).get();
  if (!row || row.purgedAt) throw new DeskError('conflict', 'An diesem Arbeitsplatz liegt keine Auskunft zu diesem Vorgang.');
  if (sentOn > berlinDate(ctx.clock())) throw new DeskError('invalid_input', 'Das Versanddatum darf nicht in der Zukunft liegen.');
  if (sentOn < berlinDate(new Date(row.producedAt))) throw new DeskError('invalid_input', 'Das Versanddatum darf nicht vor der Erstellung der Auskunft liegen.');
  const state = parsed(SubjectReportState, await ask(ctx, caller, 'POST', subjectPath(requestId, '/report/sent'), { sentOn }));
  // The proof period runs from the day the backend recorded; the folder ends at the start of its last day + 1.
  const endsAt = berlinDayStart(state.sentOn ?? sentOn, SUBJECT_REPORT_PROOF_DAYS);
  ctx.db.transaction(() => {
    ctx.db.update(subjectReportFiles).set({ sentOn: state.sentOn, endsAt }).where(eq(subjectReportFiles.requestId, requestId)).run();
    appendAudit(ctx.db, ctx.clock, { actor: caller.session.user.id, action: 'subject.report_sent', subject: requestId, details: { sentOn: state.sentOn, endsAt } });
  });
  return readReportFiles(ctx.db, ctx.options.dataDir, requestId)!;
}
