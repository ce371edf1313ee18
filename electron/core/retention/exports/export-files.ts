// Writes the retention exports into the data directory's exports/ folder and hands back the
// path plus the content as base64, so the web host can offer a download without a file route.
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ExportFile, ExportInput } from '../../../../shared/retention';
import type { Clock } from '../../clock';
import { csvDocument } from '../../csv-document';
import type { DeskDb } from '../../db/open';
import { ensurePrivateFolder } from '../../private-folder';
import { readState, STATE_KEYS } from '../../db/state';
import { berlinDate } from '../../time/berlin';
import { germanDate, germanLongDate } from '../../time/german-date';
import { listRules } from '../rules';
import { deletionLog, type DeletionLogLine } from './deletion-log';
import { RESIDUE_SECTION } from './deletion-residue';
import { ruleLabel, tablePdf, berlinTime } from './pdf-table';

const KIND_LABELS: Record<string, string> = { callback: 'Rückruf', contact: 'Kontakt', dpo: 'Datenschutz', equality: 'Gleichbehandlung', sms: 'SMS-Protokoll', portal: 'Portal-Protokoll', disclosure_export: 'Offenlegungs-Export', subject_report: 'Auskunft (Betroffenenantrag)' };

export async function writeExport(db: DeskDb, clock: Clock, dataDir: string, input: ExportInput): Promise<ExportFile> {
  const stamp = berlinDate(clock());
  if (input.document === 'concept_pdf') {
    const rules = listRules(db);
    const body = await tablePdf({
      title: 'Löschkonzept Servicecenter Desk',
      subtitle: `Stand: ${germanLongDate(stamp)}. Fristen in Kraft und ihre Obergrenze laut Datenschutzkonzept.`,
      header: ['Daten', 'Startereignis', 'Frist', 'Obergrenze', 'Rechtsgrundlage'],
      rows: rules.map((r) => [r.data, r.startEvent, period(r.period, r.unit), period(r.limit, r.unit), r.legalBasis]),
      widths: [150, 95, 60, 65, 145],
      createdAt: clock(),
      sections: [RESIDUE_SECTION],
    });
    return save(dataDir, `loeschkonzept-${stamp}.pdf`, 'application/pdf', body, rules.length);
  }
  const lines = deletionLog(db, input.from!, input.to!, readState(db, STATE_KEYS.workstation) ?? undefined);
  const range = `${input.from}_${input.to}`;
  if (input.document === 'protocol_csv') {
    return save(dataDir, `loeschprotokoll-${range}.csv`, 'text/csv', csvDocument(CSV_FIELDS, lines.map(csvRow)), lines.length);
  }
  const body = await tablePdf({
    title: 'Löschprotokoll Servicecenter Desk',
    subtitle: `Zeitraum ${germanDate(input.from!)} bis ${germanDate(input.to!)} (Europe/Berlin), erstellt am ${germanLongDate(stamp)}. ${lines.length === 1 ? '1 Löschung' : `${lines.length} Löschungen`}.`,
    header: ['Gelöscht am', 'Vorgang', 'Art', 'Regel', 'Arbeitsplatz'],
    rows: lines.map((l) => [berlinTime(l.purgedAt), l.subject, KIND_LABELS[l.kind] ?? l.kind, ruleLabel(l.rule), l.workstation]),
    widths: [85, 150, 70, 95, 115],
    createdAt: clock(),
  });
  return save(dataDir, `loeschprotokoll-${range}.pdf`, 'application/pdf', body, lines.length);
}

const CSV_FIELDS = ['geloescht_am', 'vorgang', 'art', 'regel', 'arbeitsplatz', 'abgeschlossen_am'];

function csvRow(l: DeletionLogLine): string[] {
  return [berlinTime(l.purgedAt), l.subject, KIND_LABELS[l.kind] ?? l.kind, ruleLabel(l.rule), l.workstation, l.closedAt ? berlinTime(l.closedAt) : ''];
}

function period(value: number, unit: 'days' | 'years'): string {
  if (value === 0) return 'sofort';
  return unit === 'days' ? `${value} Tage` : `${value} ${value === 1 ? 'Jahr' : 'Jahre'}`;
}

/** Writes `body` to <dataDir>/exports/ (owner-only) and returns it for the download. */
export function save(dataDir: string, fileName: string, mimeType: string, body: Buffer, rows: number): ExportFile {
  const folder = path.join(dataDir, 'exports');
  ensurePrivateFolder(folder);
  const file = path.join(folder, fileName);
  writeFileSync(file, body, { mode: 0o600 });
  chmodSync(file, 0o600); // writeFileSync keeps the mode of a file written before
  return { fileName, path: file, mimeType, base64: body.toString('base64'), rows };
}
