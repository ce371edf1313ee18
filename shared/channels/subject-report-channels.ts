// The Auskunft of a data subject's request at the officer's desk (issue 17, part 3): produce it
// (the backend assembles it, this workstation writes the PDF letter and the JSON into a private
// folder with a manifest), mark it as sent, and read where its files are and when they end.
import { z } from 'zod';
import { ExportedFile } from '../officer-views';
import { Instant, LocalDate, Uuid } from '../wire';
import { channel, RequestRef } from './channel';

export const SubjectReportSentInput = z.strictObject({
  requestId: Uuid,
  sentOn: z.iso.date({ error: 'Bitte das Versanddatum als Datum angeben.' }),
});

/** The files of an Auskunft on this workstation; `files` is empty once the sweep destroyed them. */
export const SubjectReportFiles = z.object({
  requestId: Uuid,
  dir: z.string(),
  files: z.array(ExportedFile),
  manifestPath: z.string(),
  manifestSha256: z.string(),
  producedAt: Instant,
  producedBy: z.string(),
  items: z.number().int(),
  sentOn: LocalDate.nullable(),
  /** When the sweep destroys the folder: the day sent + SUBJECT_REPORT_PROOF_DAYS (Berlin); until sent, the day written + SUBJECT_REPORT_UNSENT_DAYS. */
  endsAt: Instant.nullable(),
  purgedAt: Instant.nullable(),
});
export type SubjectReportFiles = z.infer<typeof SubjectReportFiles>;

export const subjectReportChannels = {
  /** This workstation's Auskunft of the case, or null when none was written here. */
  'subject.report.read': channel(RequestRef, SubjectReportFiles.nullable(), ['dpo']),
  'subject.report.produce': channel(RequestRef, SubjectReportFiles, ['dpo']),
  'subject.report.sent': channel(SubjectReportSentInput, SubjectReportFiles, ['dpo']),
} as const;
