// One way to make a PDF in the core: A4, DejaVu Sans embedded, the bytes collected, a fixed
// creation date so the same content renders to the same bytes (hashes are reproducible), and
// every string passed through pdf-text.ts's placeholder rule, with its note at the end if used.
import type PDFDocumentType from 'pdfkit';
import { fontBytes, PDF_FONTS, type PdfFont } from './pdf-fonts';
import { placeholderNote, printable } from './pdf-text';

export type PdfDoc = InstanceType<typeof PDFDocumentType>;

export interface PdfSetup {
  title: string;
  createdAt: Date;
  margin?: number;
}

export interface PdfWriter {
  doc: PdfDoc;
  /** `text` in `font`, with characters the font lacks replaced by the placeholder. */
  text(text: string, options?: PDFKit.Mixins.TextOptions & { font?: PdfFont; size?: number }): PdfWriter;
  /** Same, at a position. */
  textAt(text: string, x: number, y: number, options?: PDFKit.Mixins.TextOptions & { font?: PdfFont; size?: number }): PdfWriter;
  /** `text` as the placeholder rule prints it, for measuring. */
  shown(text: string, font?: PdfFont): string;
}

export async function renderPdf(setup: PdfSetup, draw: (pdf: PdfWriter) => void): Promise<Buffer> {
  // Loaded on the first export only: pdfkit is heavy, and every CLI command and host start opens the core.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: setup.margin ?? 50,
    info: { Title: setup.title, Producer: 'Servicecenter Desk', CreationDate: setup.createdAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const font of Object.keys(PDF_FONTS) as PdfFont[]) doc.registerFont(font, fontBytes(font));
  doc.font('text');
  let replaced = 0;
  const shown = (text: string, font: PdfFont = 'text') => {
    const out = printable(text, font);
    replaced += out.replaced;
    return out.text;
  };
  const writer: PdfWriter = {
    doc,
    text(text, { font = 'text', size, ...options } = {}) {
      doc.font(font);
      if (size !== undefined) doc.fontSize(size);
      doc.text(shown(text, font), options);
      return writer;
    },
    textAt(text, x, y, { font = 'text', size, ...options } = {}) {
      doc.font(font);
      if (size !== undefined) doc.fontSize(size);
      doc.text(shown(text, font), x, y, options);
      return writer;
    },
    shown: (text, font = 'text') => printable(text, font).text,
  };
  draw(writer);
  if (replaced > 0) {
    doc.moveDown().font('text').fontSize(8).text(placeholderNote(replaced), doc.page.margins.left, doc.y, { width: doc.page.width - doc.page.margins.left - doc.page.margins.right });
  }
  doc.end();
  return done;
}
