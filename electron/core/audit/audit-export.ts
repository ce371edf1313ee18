// The audit log's CSV export for supervisors: the filtered entries, oldest first, readable in
// German (action names and details as the Prüfprotokoll screen shows them, Berlin time) and, in
// the last columns, exactly as stored, so each entry's hash can still be recomputed from the file. Written like the Löschprotokoll (`;`, UTF-8 BOM, CRLF) and
// audited itself, so that who took a copy of the log is in the log.
import { auditActionLabel, formatAuditDetails } from '../../../shared/audit-labels';
import type { AuditFilter } from '../../../shared/channels/audit-channels';
import type { ExportFile } from '../../../shared/retention';
import type { Clock } from '../clock';
import { csvDocument } from '../csv-document';
import type { DeskDb } from '../db/open';
import { save } from '../retention/exports/export-files';
import { berlinTime } from '../retention/exports/pdf-table';
import { berlinDate } from '../time/berlin';
import { keyedHash } from './audit-keys';
import { appendAudit } from './audit-log';
import { auditRows, verdictView } from './audit-query';

export const AUDIT_CSV_FIELDS = ['nr', 'zeitpunkt_berlin', 'benutzer', 'aktion', 'gegenstand', 'details', 'zeitpunkt_utc', 'aktion_gespeichert', 'details_gespeichert', 'hash'];

/** Action names look like `hold.confirm_refused`; anything else typed into the filter is free text. */
const ACTION_NAME = /^[a-z_]+(\.[a-z_*]+)*$/;

export function exportAudit(db: DeskDb, clock: Clock, dataDir: string, actor: string, filter: AuditFilter): ExportFile {
  const rows = auditRows(db, filter);
  const body = csvDocument(
    AUDIT_CSV_FIELDS,
    rows.map((r) => [String(r.seq), berlinTime(r.at), r.actor, auditActionLabel(r.action), r.subject ?? '', formatAuditDetails(r.details), r.at, r.action, r.details, r.hash]),
  );
  const range = `${filter.from ?? 'anfang'}_${filter.to ?? berlinDate(clock())}`;
  const file = save(dataDir, `pruefprotokoll-${range}.csv`, 'text/csv', body, rows.length);
  const verdict = verdictView(db);
  appendAudit(db, clock, {
    actor,
    action: 'audit.export',
    subject: file.fileName,
    details: {
      rows: rows.length,
      from: filter.from ?? null,
      to: filter.to ?? null,
      // Filter texts are typed by hand and might hold anything: only an action name goes in clear.
      action: filter.action === undefined ? null : ACTION_NAME.test(filter.action) ? filter.action : keyedHash(db, clock, filter.action),
      actor: filter.actor === undefined ? null : keyedHash(db, clock, filter.actor),
      chainOk: verdict.ok,
    },
  });
  return file;
}
