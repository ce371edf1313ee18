// A plain A4 table in PDF: title, one line of context, a header row and wrapped cells, new pages
// as needed, and optional paragraphs after the table. Text in the embedded DejaVu Sans (pdf/).
import { PURGE_RULE_LABELS } from '../../../../shared/labels';
import type { PurgeRule } from '../../../../shared/sync-api';
import { renderPdf } from '../../pdf/pdf-document';
import { formatBerlin } from '../../time/berlin';

export const ruleLabel = (rule: string): string => PURGE_RULE_LABELS[rule as PurgeRule] ?? rule;
export const berlinTime = (instant: string): string => formatBerlin(new Date(instant), 'dd.MM.yyyy HH:mm:ss');

export interface TablePdf {
  title: string;
  subtitle: string;
  header: string[];
  rows: string[][];
  widths: number[];
  createdAt: Date;
  /** Sections after the table: a heading and its paragraphs. */
  sections?: { heading: string; paragraphs: string[] }[];
}

export async function tablePdf(table: TablePdf): Promise<Buffer> {
  const { title, subtitle, header, rows, widths } = table;
  return renderPdf({ title, createdAt: table.createdAt, margin: 40 }, (pdf) => {
    const { doc } = pdf;
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    pdf.text(title, { font: 'bold', size: 14 });
    pdf.text(subtitle, { size: 9 });
    doc.moveDown();
    const drawRow = (cells: string[], bold: boolean) => {
      const font = bold ? 'bold' : 'text';
      doc.font(font).fontSize(8);
      const height = Math.max(...cells.map((c, i) => doc.heightOfString(pdf.shown(c, font), { width: widths[i]! - 4 }))) + 4;
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const top = doc.y;
      let x = left;
      cells.forEach((cell, i) => {
        pdf.textAt(cell, x + 2, top + 2, { font, width: widths[i]! - 4 });
        x += widths[i]!;
      });
      doc.moveTo(left, top + height).lineTo(x, top + height).lineWidth(0.3).stroke();
      doc.x = left;
      doc.y = top + height;
    };
    drawRow(header, true);
    for (const row of rows) drawRow(row, false);
    if (rows.length === 0) pdf.textAt('Keine Einträge im Zeitraum.', left, doc.y + 6, { size: 9 });
    for (const section of table.sections ?? []) {
      doc.x = left;
      doc.moveDown(1.5);
      pdf.text(section.heading, { font: 'bold', size: 11, width });
      for (const paragraph of section.paragraphs) {
        doc.moveDown(0.4);
        pdf.text(paragraph, { size: 9, width });
      }
    }
  });
}
