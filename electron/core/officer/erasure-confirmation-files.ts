// The two renderings of a finished Löschung (issue 17): the Löschbestätigung, a German letter for
// the person, and the proof for the file (JSON). Both are built from the backend's erasure record,
// which holds sources, ids, dates, reasons and workstations only: no erased value can get in. The
// letter names neither the person nor any record; it says which kinds of data went on which day,
// what stays, why and until when. Its address is added at sending, outside this workstation.
import { ERASURE_SOURCE_LABELS, ERASURE_SOURCES, KEPT_REASON_LABELS, type SubjectErasure } from '../../../shared/subject-erasure';
import { renderPdf } from '../pdf/pdf-document';
import { drawLetterhead } from '../pdf/letterhead';
import { berlinDate } from '../time/berlin';
import { germanDate } from '../time/german-date';
import { DISCLOSURE_SENDER } from './disclosure-files';

export interface ErasureConfirmationInput {
  erasure: SubjectErasure;
  /** The case's reference (the person's Zeichen), not personal data. */
  reference: string | null;
  receivedOn: string;
  writtenAt: Date;
}

const count = (n: number) => (n === 1 ? 'ein Eintrag' : `${n} Einträge`);

export function erasureProofJson({ erasure, reference, receivedOn, writtenAt }: ErasureConfirmationInput): Buffer {
  const body = {
    kind: 'loeschnachweis',
    requestId: erasure.requestId,
    reference,
    receivedOn,
    erasureId: erasure.erasureId,
    erasedAt: erasure.at,
    erasedBy: erasure.by,
    writtenAt: writtenAt.toISOString(),
    counts: erasure.counts,
    kept: erasure.kept.map((k) => ({ source: k.source, id: k.id, reason: k.reason, until: k.until })),
    receipts: erasure.workstations.filter((w) => w.status === 'received').map((w) => ({ workstation: w.workstation, receipts: w.received, lastAt: w.at })),
    retiredWorkstations: erasure.workstations.filter((w) => w.status === 'retired').map((w) => ({ workstation: w.workstation, retiredAt: w.at, receiptsBefore: w.received, owed: w.owed })),
    awaiting: erasure.awaiting,
  };
  return Buffer.from(JSON.stringify(body, null, 2) + '\n', 'utf8');
}

export async function erasureLetterPdf({ erasure, reference, receivedOn, writtenAt }: ErasureConfirmationInput): Promise<Buffer> {
  const erasedOn = germanDate(berlinDate(new Date(erasure.at)));
  return renderPdf({ title: `Löschbestätigung${reference ? ` ${reference}` : ''}`, createdAt: writtenAt }, (pdf) => {
    const { doc } = pdf;
    const { width, top } = drawLetterhead(pdf, DISCLOSURE_SENDER, writtenAt);
    doc.y = top + 60;
    pdf.text(`Bestätigung der Löschung Ihrer Daten${reference ? ` – Ihr Zeichen ${reference}` : ''}`, { font: 'bold', size: 12 });
    doc.moveDown(0.8);
    pdf.text('Guten Tag,', { size: 10 });
    doc.moveDown(0.5);
    pdf.text(`auf Ihren Antrag vom ${germanDate(receivedOn)} nach Art. 17 DSGVO haben wir am ${erasedOn} die folgenden Daten über Sie gelöscht:`, { size: 10, width });
    doc.moveDown(0.5);
    const erased = ERASURE_SOURCES.filter((s) => erasure.counts[s] > 0);
    if (erased.length === 0) pdf.text('– keine (alle gefundenen Daten unterliegen einer der unten genannten Pflichten)', { size: 10, width });
    for (const source of erased) pdf.text(`• ${ERASURE_SOURCE_LABELS[source]}: ${count(erasure.counts[source])}`, { size: 10, width, indent: 10 });
    doc.moveDown(0.5);
    pdf.text('Gelöscht wurde im zentralen System und auf jedem Arbeitsplatz, der eine Kopie hatte. Jeder dieser Arbeitsplätze hat die Löschung bestätigt oder ist stillgelegt und kann nicht mehr verwendet werden.', { size: 10, width });
    doc.moveDown();
    if (erasure.kept.length > 0) {
      pdf.text('Folgende Daten bewahren wir weiter auf:', { font: 'bold', size: 10 });
      doc.moveDown(0.3);
      for (const k of erasure.kept) {
        const until = k.until ? `, längstens bis ${germanDate(k.until)}; danach werden sie gelöscht` : '';
        pdf.text(`• ${ERASURE_SOURCE_LABELS[k.source]} vom ${germanDate(berlinDate(new Date(k.at)))}: ${KEPT_REASON_LABELS[k.reason]}${until}.`, { size: 10, width, indent: 10 });
      }
      doc.moveDown();
    }
    pdf.text('Wenn Sie Fragen haben, erreichen Sie unsere Datenschutzbeauftragte unter der im Briefkopf genannten Anschrift. Sie haben außerdem das Recht, sich bei einer Datenschutz-Aufsichtsbehörde zu beschweren (Art. 77 DSGVO).', { size: 10, width });
    doc.moveDown(1.5);
    pdf.text('Mit freundlichen Grüßen', { size: 10 });
    doc.moveDown(2);
    pdf.text(`${erasure.by.displayName}, ${DISCLOSURE_SENDER[1]}`, { size: 10 });
  });
}
