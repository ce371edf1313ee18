// The fonts every PDF of the desk embeds: DejaVu Sans and DejaVu Sans Bold (package
// dejavu-fonts-ttf): Latin with German, Turkish, Polish and other European letters, Greek,
// Cyrillic, typographic quotes and dashes. pdfkit's built-in Helvetica knows only WinAnsi and
// printed "😀" as "Ø=Þ" and "ğ" as garbage; an embedded font carries a ToUnicode map, so the text
// taken out of the PDF is the text that went in. fontkit (pdfkit's own font reader) answers
// whether a font has a glyph, for the placeholder rule of pdf-text.ts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

export const PDF_FONTS = {
  text: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
} as const;

export type PdfFont = keyof typeof PDF_FONTS;

const resolve = createRequire(import.meta.url).resolve;
const buffers = new Map<PdfFont, Buffer>();
const faces = new Map<PdfFont, fontkit.Font>();

/** The font file's bytes, read once per process (the package ships them; nothing is fetched). */
export function fontBytes(font: PdfFont): Buffer {
  let bytes = buffers.get(font);
  if (!bytes) {
    bytes = readFileSync(resolve(PDF_FONTS[font]));
    buffers.set(font, bytes);
  }
  return bytes;
}

/** Whether the font has a glyph for every code point of `text`. */
export function fontCovers(font: PdfFont, text: string): boolean {
  let face = faces.get(font);
  if (!face) {
    face = fontkit.create(fontBytes(font)) as fontkit.Font;
    faces.set(font, face);
  }
  for (const char of text) if (!face.hasGlyphForCodePoint(char.codePointAt(0)!)) return false;
  return true;
}
