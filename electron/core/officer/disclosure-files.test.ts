import { describe, expect, it } from 'vitest';
import type { DisclosureEntry } from '../../../shared/officer-views';
import { PLACEHOLDER } from '../pdf/pdf-text';
import { pdfText } from '../test-support/pdf-text';
import { disclosurePdf, type DisclosurePackage } from './disclosure-files';

const entry: DisclosureEntry = {
  id: 'd-1',
  caseRef: 'DS-2026-0042',
  authority: 'Polizeipräsidium Südhessen, Kriminalkommissariat Łódź-Straße 👍',
  authorityRef: 'ST/0815/26-Ğ',
  legalBasis: '§ 100j StPO – Bestandsdatenauskunft 😀',
  records: 2,
  requestedBy: 'Jördis Müller-Çelik',
  requestedAt: '2026-11-30T09:15:00.000Z',
  mine: true,
  status: 'approved',
  decidedBy: 'Björn Weiß',
  decidedAt: '2026-11-30T13:40:00.000Z',
  decisionNote: null,
  exportedAt: null,
  manifestSha256: null,
  exportEndsAt: null,
  exportPurgedAt: null,
};

const pkg: DisclosurePackage = {
  entry,
  records: [
    { id: 's-1', customerNumber: '4711001', sentAt: '2026-11-02T07:05:00.000Z', ip: '203.0.113.7' },
    { id: 's-2', customerNumber: '4711001', sentAt: '2026-11-02T07:06:00.000Z', ip: '2001:db8::1' },
  ],
  exportedAt: '2026-12-01T10:00:00.000Z',
};

describe('disclosure PDF', () => {
  it('is a letter: sender, German date, addressee, subject, records and a signature field', async () => {
    const [first] = await pdfText(await disclosurePdf(pkg));
    expect(first).toContain('Stadtwerke Servicecenter');
    expect(first).toContain('Die Datenschutzbeauftragte');
    expect(first).toContain('1. Dezember 2026');
    expect(first).toContain('Ihr Zeichen: ST/0815/26-Ğ');
    expect(first).toContain('Auskunft aus dem SMS-Protokoll');
    expect(first).toContain('4711001');
    expect(first).toContain('02.11.2026, 08:05:00');
    expect(first).toContain('2001:db8::1');
    expect(first).toContain('Unterschrift – Jördis Müller-Çelik');
    expect(first).toContain('Björn Weiß');
    expect(first).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('embeds a font: umlauts and other letters come out as typed, an emoji the font lacks as the documented placeholder', async () => {
    const text = (await pdfText(await disclosurePdf(pkg))).join('\n');
    expect(text).toContain('Polizeipräsidium Südhessen, Kriminalkommissariat Łódź-Straße');
    // DejaVu Sans has the emoticons block: that emoji is shown as it is.
    expect(text).toContain('§ 100j StPO – Bestandsdatenauskunft 😀');
    expect(text).toContain(`Łódź-Straße ${PLACEHOLDER}`);
    expect(text).toContain(`Ein Zeichen, das die eingebettete Schrift nicht enthält (z. B. ein Emoji), ist als „${PLACEHOLDER}“ wiedergegeben`);
    // What Helvetica (WinAnsi) made of the emoji: its UTF-16 code units as Latin-1.
    expect(text).not.toMatch(/Ø=[ÜÞ]/);
    expect(text).not.toContain('👍');
  });

  it('renders the same package to the same bytes', async () => {
    expect((await disclosurePdf(pkg)).equals(await disclosurePdf(pkg))).toBe(true);
  });
});
