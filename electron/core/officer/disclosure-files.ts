// The three renderings of an approved disclosure: a PDF cover letter with the records for the
// authority, a CSV for its tools, and JSON for machines. All three carry the same records.
import type { DisclosureEntry } from '../../../shared/officer-views';
import { csvDocument } from '../csv-document';
import type { SmsRecord } from '../sms/lookup-report';
import { renderPdf, type PdfWriter } from '../pdf/pdf-document';
import { drawLetterhead } from '../pdf/letterhead';
import { berlinLongDate } from '../time/german-date';

export interface DisclosurePackage {
  entry: DisclosureEntry;
  records: readonly SmsRecord[];
  exportedAt: string;
}

const berlinTime = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'medium' });

/** The app's CSV (csv-document.ts) with a header row; times in UTC as stored, so the authority can recompute them. */
export function disclosureCsv(pkg: DisclosurePackage): Buffer {
  return csvDocument(['id', 'customer_number', 'sent_at_utc', 'ip'], pkg.records.map((r) => [r.id, r.customerNumber, r.sentAt, r.ip]));
}

export function disclosureJson(pkg: DisclosurePackage): Buffer {
  const { entry } = pkg;
  const body = {
    disclosureId: entry.id,
    caseRef: entry.caseRef,
    authority: entry.authority,
    authorityRef: entry.authorityRef,
    legalBasis: entry.legalBasis,
    requestedBy: entry.requestedBy,
    requestedAt: entry.requestedAt,
    approvedBy: entry.decidedBy,
    approvedAt: entry.decidedAt,
    exportedAt: pkg.exportedAt,
    records: pkg.records.map((r) => ({ id: r.id, customerNumber: r.customerNumber, sentAt: r.sentAt, ip: r.ip })),
  };
  return Buffer.from(JSON.stringify(body, null, 2) + '\n', 'utf8');
}

/** The sender of every disclosure letter: the service center's data-protection officer. */
export const DISCLOSURE_SENDER = ['Stadtwerke Servicecenter', 'Die Datenschutzbeauftragte'] as const;

const COLUMNS = [
  { label: 'Kundennummer', width: 130 },
  { label: 'Versandzeit (Europe/Berlin)', width: 185 },
  { label: 'IP-Adresse', width: 180 },
];

/**
 * The letter to the authority: letterhead with sender and German date, addressee and their
 * reference, what is handed over on which basis and who approved it (four eyes), the records, and
 * a signature field. Text in DejaVu Sans (pdf/), so umlauts and other letters come out as typed.
 */
export async function disclosurePdf(pkg: DisclosurePackage): Promise<Buffer> {
  const { entry, records } = pkg;
  const exportedAt = new Date(pkg.exportedAt);
  return renderPdf({ title: `Offenlegung ${entry.authorityRef}`, createdAt: exportedAt }, (pdf) => {
    const { doc } = pdf;
    const { left, width, top } = drawLetterhead(pdf, DISCLOSURE_SENDER, exportedAt);
    doc.y = top + 48;
    pdf.text('An', { size: 9 });
    pdf.text(entry.authority, { size: 11 });
    pdf.text(`Ihr Zeichen: ${entry.authorityRef}`, { size: 10 });
    doc.moveDown(1.5);
    pdf.text(`Auskunft aus dem SMS-Protokoll – Ihr Zeichen ${entry.authorityRef}`, { font: 'bold', size: 12 });
    doc.moveDown(0.8);
    pdf.text('Sehr geehrte Damen und Herren,', { size: 10 });
    doc.moveDown(0.5);
    pdf.text(
      `auf Ihr Ersuchen übermitteln wir ${records.length === 1 ? 'den folgenden Datensatz' : `die folgenden ${records.length} Datensätze`} aus dem Protokoll unseres Frei-SMS-Dienstes. Rechtsgrundlage: ${entry.legalBasis}. Unser Vorgang: ${entry.caseRef}.`,
      { size: 10, width },
    );
    doc.moveDown(0.5);
    pdf.text(`Zusammengestellt von ${entry.requestedBy} am ${berlinTime.format(new Date(entry.requestedAt))}; freigegeben von ${entry.decidedBy ?? '–'}${entry.decidedAt ? ` am ${berlinTime.format(new Date(entry.decidedAt))}` : ''} (Vier-Augen-Prinzip).`, { size: 10, width });
    doc.moveDown();
    recordsTable(pdf, records, left);
    signatureField(pdf, entry.requestedBy, left);
    doc.moveDown();
    pdf.text(`Stand: ${berlinLongDate(exportedAt)}. Die Datensätze stehen auch in disclosure.csv und disclosure.json; die Prüfsummen (SHA-256) aller Dateien in manifest.json.`, { size: 8, width });
  });
}

function recordsTable(pdf: PdfWriter, records: readonly SmsRecord[], left: number): void {
  const { doc } = pdf;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const row = (cells: string[], font: 'text' | 'bold') => {
    if (doc.y + 16 > bottom()) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      pdf.textAt(cell, x, y, { font, size: 9, width: COLUMNS[i]!.width - 6, lineBreak: false });
      x += COLUMNS[i]!.width;
    });
    doc.moveTo(left, y + 13).lineTo(x, y + 13).lineWidth(0.3).stroke();
    doc.x = left;
    doc.y = y + 16;
  };
  row(COLUMNS.map((c) => c.label), 'bold');
  for (const r of records) row([r.customerNumber, berlinTime.format(new Date(r.sentAt)), r.ip], 'text');
}

function signatureField(pdf: PdfWriter, signer: string, left: number): void {
  const { doc } = pdf;
  if (doc.y + 110 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.x = left;
  doc.moveDown(1.5);
  pdf.text('Mit freundlichen Grüßen', { size: 10 });
  const line = doc.y + 40;
  doc.moveTo(left, line).lineTo(left + 220, line).lineWidth(0.5).stroke();
  doc.moveTo(left + 260, line).lineTo(left + 480, line).stroke();
  pdf.textAt('Ort, Datum', left, line + 4, { size: 8, width: 220 });
  pdf.textAt(`Unterschrift – ${signer}, ${DISCLOSURE_SENDER[1]}`, left + 260, line + 4, { size: 8, width: 220 });
  doc.x = left;
  doc.y = line + 20;
}
