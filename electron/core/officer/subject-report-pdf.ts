// The Auskunft as a German letter (issue 17, part 3): letterhead with sender and date, the
// addressee, the case reference, the person's data in tables per source, and the information of
// Art. 15(1) a-h in plain German. Drawn with the desk's one PDF writer (pdf/), so umlauts come
// out as typed and the same content gives the same bytes.
import type { SubjectReport } from '../../../shared/subject-report';
import { renderPdf, type PdfWriter } from '../pdf/pdf-document';
import { drawLetterhead } from '../pdf/letterhead';
import { berlinLongDate, germanDate } from '../time/german-date';

const berlinTime = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' });
const at = (iso: string | null) => (iso ? berlinTime.format(new Date(iso)) : '–');
const day = (iso: string | null) => (iso ? germanDate(iso) : '–');

const KINDS: Record<string, string> = { callback: 'Rückrufwunsch', contact: 'Kontaktanfrage', dpo: 'Anfrage an die Datenschutzbeauftragte', equality: 'Anfrage an den Gleichbehandlungsbeauftragten' };
const STATUS: Record<string, string> = { open: 'offen', claimed: 'in Bearbeitung', closed: 'abgeschlossen', expired: 'abgelaufen' };
const RETENTION: Record<string, string> = { proof: 'zum Nachweis', customer_care: 'zur Kundenbetreuung', statutory: 'wegen gesetzlicher Pflichten' };
const DEPARTMENTS: Record<string, string> = { billing: 'Abrechnung', contracts: 'Verträge', grid: 'Netz', portal: 'Kundenportal', complaints: 'Beschwerden', other: 'Sonstige' };
const PORTAL: Record<string, string> = { login: 'Anmeldung', login_failed: 'Anmeldung fehlgeschlagen', logout: 'Abmeldung', password_changed: 'Passwort geändert', access_deleted: 'Zugang gelöscht' };
const DISCLOSURE: Record<string, string> = { requested: 'beantragt, nicht übermittelt', approved: 'übermittelt', rejected: 'abgelehnt, nicht übermittelt' };
const CATEGORY: Record<string, string> = { requests: 'Ihre Anfragen', sms: 'SMS-Protokoll', portal: 'Online-Kundencenter', disclosures: 'Übermittlungen an Behörden' };

export async function subjectReportPdf(report: SubjectReport): Promise<Buffer> {
  const producedAt = new Date(report.producedAt);
  const title = report.type === 'portability' ? 'Datenübertragbarkeit nach Art. 20 DSGVO' : 'Auskunft nach Art. 15 DSGVO';
  return renderPdf({ title: `${title} – ${report.caseReference}`, createdAt: producedAt }, (pdf) => {
    const { doc } = pdf;
    const { width, top } = drawLetterhead(pdf, [report.controller.name, report.controller.contact], producedAt);
    doc.y = top + 48;
    pdf.text('An', { size: 9 });
    pdf.text([report.addressee.salutation, report.addressee.name].filter(Boolean).join(' ') || '–', { size: 11 });
    doc.moveDown(1.5);
    pdf.text(`${title} – Unser Zeichen ${report.caseReference}`, { font: 'bold', size: 12 });
    doc.moveDown(0.8);
    pdf.text(report.addressee.name ? `Guten Tag ${[report.addressee.salutation, report.addressee.name].filter(Boolean).join(' ')},` : 'Guten Tag,', { size: 10 });
    doc.moveDown(0.5);
    pdf.text(
      'Sie haben uns gefragt, welche Daten wir über Sie verarbeiten. Nachfolgend finden Sie alle Daten, die wir zu Ihrer Person gefunden und geprüft haben, und die Informationen nach Art. 15 Abs. 1 DSGVO. Dieselben Daten liegen diesem Schreiben als maschinenlesbare Datei (JSON) bei.',
      { size: 10, width },
    );

    const { data } = report;
    if (data.requests.length) {
      heading(pdf, 'Ihre Anfragen über unsere Website');
      for (const r of data.requests) {
        const rows: [string, string][] = [
          ['Art', KINDS[r.kind] ?? r.kind],
          ['Eingang', at(r.receivedAt)],
          ['Zeichen', r.reference],
          ['Stand', STATUS[r.status] ?? r.status],
          ['Anrede, Name', [r.salutation, r.name].filter(Boolean).join(' ') || '–'],
          ['E-Mail', r.email ?? '–'],
          ['Telefon', r.phone ?? '–'],
          ['Betreff', r.subject ?? '–'],
          ['Nachricht', r.message ?? '–'],
          ['Wunschtermin', day(r.preferredDate)],
          ['Einwilligung', r.consentAt ? `Hinweis ${r.consentNoticeVersion ?? '–'}, ${at(r.consentAt)}` : '–'],
          ['Weitergeleitet an', r.forwardedTo.length ? r.forwardedTo.map((d) => DEPARTMENTS[d] ?? d).join(', ') : '–'],
          ['Aufbewahrung', r.retentionReason ? `${RETENTION[r.retentionReason]} bis ${day(r.retainedUntil)}` : '–'],
        ];
        pairs(pdf, rows);
      }
    }
    if (data.sms.length) {
      heading(pdf, 'SMS-Protokoll');
      table(pdf, ['Kundennummer', 'Versandzeit', 'IP-Adresse'], [120, 170, 205], data.sms.map((s) => [s.customerNumber, at(s.sentAt), s.ip]));
    }
    if (data.portal.length) {
      heading(pdf, 'Zugriffe im Online-Kundencenter');
      table(pdf, ['Kundennummer', 'Zeitpunkt', 'IP-Adresse', 'Aktion'], [100, 130, 140, 125], data.portal.map((p) => [p.customerNumber, at(p.at), p.ip, PORTAL[p.action] ?? p.action]));
    }
    if (data.disclosures.length) {
      heading(pdf, 'Übermittlungen an Behörden');
      for (const d of data.disclosures) {
        pairs(pdf, [
          ['Empfänger', d.authority],
          ['Unser Vorgang', d.caseRef],
          ['Rechtsgrundlage', d.legalBasis],
          ['Stand', `${DISCLOSURE[d.status] ?? d.status}${d.decidedAt ? ` (${at(d.decidedAt)})` : ''}`],
          ['Ihre Datensätze', d.records.map((r) => (r.sentAt ? `SMS vom ${at(r.sentAt)} über ${r.ip}` : 'SMS (Protokolleintrag inzwischen gelöscht)')).join('; ')],
        ]);
      }
    }

    const info = report.information;
    heading(pdf, 'Informationen nach Art. 15 Abs. 1 DSGVO');
    section(pdf, 'a) Zwecke der Verarbeitung', info.purposes.map((p) => `${CATEGORY[p.category]}: ${p.text} Rechtsgrundlage: ${p.legalBasis}.`));
    section(pdf, 'b) Kategorien personenbezogener Daten', info.categories.map((c) => `${CATEGORY[c.category]}: ${c.text}`));
    section(pdf, 'c) Empfänger', info.recipients.length ? info.recipients.map((r) => `${CATEGORY[r.category]}: ${r.recipient}`) : ['Ihre Daten wurden an niemanden außerhalb des Servicecenters weitergegeben.']);
    section(pdf, 'd) Speicherdauer', info.storage.map((s) => `${CATEGORY[s.category]}: ${s.text}`));
    section(pdf, 'e) Ihre Rechte', info.rights);
    section(pdf, 'f) Beschwerderecht', [info.complaint]);
    section(pdf, 'g) Herkunft der Daten', info.sources.map((s) => `${CATEGORY[s.category]}: ${s.text}`));
    section(pdf, 'h) Automatisierte Entscheidungsfindung', [info.automatedDecisions]);

    doc.moveDown();
    pdf.text('Mit freundlichen Grüßen', { size: 10 });
    doc.moveDown(0.3);
    pdf.text(`${report.producedBy}, ${report.controller.contact}`, { size: 10 });
    doc.moveDown();
    pdf.text(`Stand: ${berlinLongDate(producedAt)}. Die Daten stehen auch in auskunft.json (Format ${report.format}, Version ${report.version}); die Prüfsummen (SHA-256) beider Dateien in manifest.json.`, { size: 8, width });
  });
}

function heading(pdf: PdfWriter, text: string): void {
  const { doc } = pdf;
  if (doc.y + 60 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.x = doc.page.margins.left;
  doc.moveDown(1);
  pdf.text(text, { font: 'bold', size: 11 });
  doc.moveDown(0.3);
}

function section(pdf: PdfWriter, title: string, lines: readonly string[]): void {
  const { doc } = pdf;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  if (doc.y + 40 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.x = doc.page.margins.left;
  doc.moveDown(0.4);
  pdf.text(title, { font: 'bold', size: 10 });
  for (const line of lines) pdf.text(`– ${line}`, { size: 9, width });
}

/** A two-column table of label and value; long values wrap, and a message keeps its own line breaks. */
function pairs(pdf: PdfWriter, rows: readonly [string, string][]): void {
  const { doc } = pdf;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const valueWidth = width - 130;
  for (const [label, value] of rows) {
    // Line breaks are layout, not characters: each line is its own paragraph (the font has no glyph for "\n").
    const lines = value.split(/\r?\n/).filter((line) => line.trim() !== '');
    if (lines.length === 0) lines.push('–');
    const height = lines.reduce((h, line) => h + doc.fontSize(9).heightOfString(pdf.shown(line), { width: valueWidth }), 0) + 3;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    pdf.textAt(label, left, y, { font: 'bold', size: 9, width: 124 });
    pdf.textAt(lines[0]!, left + 130, y, { font: 'text', size: 9, width: valueWidth });
    for (const line of lines.slice(1)) pdf.text(line, { font: 'text', size: 9, width: valueWidth });
    doc.x = left;
    doc.y = Math.max(doc.y, y + 13);
  }
  doc.moveTo(left, doc.y + 2).lineTo(left + width, doc.y + 2).lineWidth(0.3).stroke();
  doc.y += 8;
}

function table(pdf: PdfWriter, columns: readonly string[], widths: readonly number[], rows: readonly string[][]): void {
  const { doc } = pdf;
  const left = doc.page.margins.left;
  const row = (cells: readonly string[], font: 'text' | 'bold') => {
    if (doc.y + 16 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      pdf.textAt(cell, x, y, { font, size: 9, width: widths[i]! - 6, lineBreak: false });
      x += widths[i]!;
    });
    doc.moveTo(left, y + 13).lineTo(x, y + 13).lineWidth(0.3).stroke();
    doc.x = left;
    doc.y = y + 16;
  };
  row(columns, 'bold');
  for (const cells of rows) row(cells, 'text');
}
