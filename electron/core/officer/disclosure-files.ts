// The three renderings of an approved disclosure: a PDF cover letter with the records for the
// authority, a CSV for its tools, and JSON for machines. All three carry the same records.
import type { DisclosureEntry } from '../../../shared/officer-views';
import { csvDocument } from '../csv-document';
import type { SmsRecord } from '../sms/lookup-report';
import { berlinDate } from '../time/berlin';

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

export async function disclosurePdf(pkg: DisclosurePackage): Promise<Buffer> {
  // Loaded on first export only: pdfkit is heavy, and every CLI command and host start opens the core.
  const { default: PDFDocument } = await import('pdfkit');
  const { entry } = pkg;
  // A fixed creation date: the same package renders to the same bytes, so hashes are reproducible.
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Offenlegung ${entry.authorityRef}`, CreationDate: new Date(pkg.exportedAt) } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.fontSize(16).text('Auskunft aus dem SMS-Protokoll', { underline: false });
  doc.moveDown(0.5).fontSize(10);
  const facts: [string, string][] = [
    ['Behörde', entry.authority],
    ['Aktenzeichen der Behörde', entry.authorityRef],
    ['Rechtsgrundlage', entry.legalBasis],
    ['Unser Vorgang', entry.caseRef],
    ['Beantragt von', `${entry.requestedBy}, ${berlinTime.format(new Date(entry.requestedAt))}`],
    ['Freigegeben von', `${entry.decidedBy ?? '–'}, ${entry.decidedAt ? berlinTime.format(new Date(entry.decidedAt)) : '–'}`],
    ['Erstellt', berlinTime.format(new Date(pkg.exportedAt))],
    ['Datensätze', String(pkg.records.length)],
  ];
  for (const [label, value] of facts) doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);
  doc.moveDown().font('Helvetica-Bold').text('Kundennummer    Versandzeit (Europe/Berlin)    IP-Adresse');
  doc.font('Courier');
  for (const r of pkg.records) {
    doc.text(`${r.customerNumber.padEnd(16)}${berlinTime.format(new Date(r.sentAt)).padEnd(31)}${r.ip}`);
  }
  doc.moveDown().font('Helvetica').fontSize(8).text(`Stand: ${berlinDate(new Date(pkg.exportedAt))}. Die Prüfsummen (SHA-256) stehen in manifest.json.`);
  doc.end();
  return done;
}
