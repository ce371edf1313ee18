// What the desk's PDFs do with a character their font lacks (an emoji typed into a reference, a
// rare script): the whole character (grapheme cluster, so a family emoji or a flag is one) is
// replaced by the placeholder "�" (U+FFFD, Unicode's replacement character), and the PDF says
// so in a closing note. Never a box, never garbage like "Ø=Þ", and the replacement is visible.
import { fontCovers, type PdfFont } from './pdf-fonts';

export const PLACEHOLDER = '\uFFFD';

/** The closing note of a PDF in which `count` characters were replaced. */
export function placeholderNote(count: number): string {
  const what = count === 1 ? 'Ein Zeichen, das die eingebettete Schrift nicht enthält (z. B. ein Emoji), ist' : `${count} Zeichen, die die eingebettete Schrift nicht enthält (z. B. Emoji), sind`;
  return `Hinweis: ${what} als „${PLACEHOLDER}“ wiedergegeben. Der vollständige Wortlaut steht in den maschinenlesbaren Dateien (CSV, JSON).`;
}

const graphemes = new Intl.Segmenter('de', { granularity: 'grapheme' });

/** `text` with every character `font` cannot show replaced by the placeholder, and how many were. */
export function printable(text: string, font: PdfFont = 'text'): { text: string; replaced: number } {
  if (fontCovers(font, text)) return { text, replaced: 0 };
  let out = '';
  let replaced = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (fontCovers(font, segment)) out += segment;
    else {
      out += PLACEHOLDER;
      replaced += 1;
    }
  }
  return { text: out, replaced };
}
