// The desk's letters (disclosure to an authority, Auskunft, Löschbestätigung) share one letterhead:
// the sender in two lines on the left, the German date on the right, a rule below. Returns the
// text column, so each letter lays out its addressee and body below it.
import { berlinLongDate } from '../time/german-date';
import type { PdfWriter } from './pdf-document';

export interface LetterColumn {
  left: number;
  width: number;
  /** Where the letterhead starts; the addressee goes at `top` + an offset of the letter's choosing. */
  top: number;
}

export function drawLetterhead(pdf: PdfWriter, sender: readonly [string, string], writtenAt: Date): LetterColumn {
  const { doc } = pdf;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const top = doc.y;
  pdf.textAt(sender[0], left, top, { font: 'bold', size: 13 });
  pdf.text(sender[1], { font: 'text', size: 10 });
  pdf.textAt(berlinLongDate(writtenAt), left, top + 3, { font: 'text', size: 10, width, align: 'right' });
  doc.moveTo(left, top + 34).lineTo(left + width, top + 34).lineWidth(0.5).stroke();
  doc.x = left;
  return { left, width, top };
}
