// A plain A4 table in PDF (pdfkit's built-in Helvetica covers German umlauts): title, one
// line of context, a header row and wrapped cells, new pages as needed.
import { formatInTimeZone } from 'date-fns-tz';
import { PURGE_RULE_LABELS } from '../../../../shared/labels';
import type { PurgeRule } from '../../../../shared/sync-api';
import { BERLIN } from '../../time/berlin';

export const ruleLabel = (rule: string): string => PURGE_RULE_LABELS[rule as PurgeRule] ?? rule;
export const berlinTime = (instant: string): string => formatInTimeZone(new Date(instant), BERLIN, 'dd.MM.yyyy HH:mm:ss');

export async function tablePdf(title: string, subtitle: string, header: string[], rows: string[][], widths: number[]): Promise<Buffer> {
  // Loaded on the first export only, like the disclosures' PDF: every CLI call and host start opens the core.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: title, Producer: 'Servicecenter Desk' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(14).text(title);
  doc.font('Helvetica').fontSize(9).text(subtitle).moveDown();
  const left = doc.page.margins.left;
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 4 }))) + 4;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      doc.text(cell, x + 2, top + 2, { width: widths[i]! - 4 });
      x += widths[i]!;
    });
    doc.moveTo(left, top + height).lineTo(x, top + height).lineWidth(0.3).stroke();
    doc.x = left;
    doc.y = top + height;
  };
  drawRow(header, true);
  for (const row of rows) drawRow(row, false);
  if (rows.length === 0) doc.font('Helvetica').fontSize(9).text('Keine Einträge im Zeitraum.', left, doc.y + 6);
  doc.end();
  return done;
}
