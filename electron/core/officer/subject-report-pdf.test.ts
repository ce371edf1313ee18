// The Auskunft letter as a reader's PDF tool sees it (pdf.js): the addressee, the data of every
// source in its table, a message's own line breaks as lines (never as placeholders), the eight
// sections of Art. 15(1) a-h, and the placeholder note only for a character the font lacks.
import { describe, expect, it } from 'vitest';
import { SubjectReport } from '../../../shared/subject-report';
import { PLACEHOLDER } from '../pdf/pdf-text';
import { pdfText } from '../test-support/pdf-text';
import { subjectReportPdf } from './subject-report-pdf';

const report = (message: string) =>
  SubjectReport.parse({
    format: 'servicecenter-desk/auskunft',
    version: 1,
    requestId: '2b0f4a52-8c53-4a55-9d57-0d0a3d5f2a11',
    caseReference: 'FX62-H4VK',
    type: 'portability',
    producedAt: '2026-12-01T10:00:00Z',
    producedBy: 'Dana Datenschutz',
    controller: { name: 'Stadtwerke Servicecenter', contact: 'Die Datenschutzbeauftragte' },
    addressee: { salutation: 'Frau', name: 'Zeynep Güneş' },
    data: {
      requests: [
        {
          reference: 'AB12-CD34',
          kind: 'contact',
          receivedAt: '2026-11-20T08:00:00Z',
          status: 'closed',
          salutation: 'Frau',
          name: 'Zeynep Güneş',
          email: 'zeynep@example.de',
          phone: null,
          subject: 'Abschlag',
          message,
          preferredDate: null,
          consentNoticeVersion: '2026-11',
          consentAt: '2026-11-20T07:59:00Z',
          closedAt: '2026-11-21T08:00:00Z',
          retentionReason: 'proof',
          retainedUntil: '2027-11-21',
          forwardedTo: ['billing'],
        },
      ],
      sms: [{ customerNumber: '4711000001', sentAt: '2026-11-22T10:00:00Z', ip: '198.51.100.7' }],
      portal: [{ customerNumber: '4711000001', at: '2026-11-23T10:00:00Z', ip: '2001:db8::7', action: 'password_changed' }],
      disclosures: [{ authority: 'Polizeipräsidium Bochum', caseRef: 'DS-2026-31', legalBasis: '§ 100g StPO', requestedAt: '2026-11-24T10:00:00Z', status: 'approved', decidedAt: '2026-11-24T11:00:00Z', records: [{ sentAt: null, ip: null }] }],
    },
    information: {
      purposes: [{ category: 'sms', text: 'Versand der Frei-SMS.', legalBasis: 'Art. 6 Abs. 1 lit. b DSGVO' }],
      categories: [{ category: 'sms', text: 'Kundennummer, Versandzeitpunkt, IP-Adresse.' }],
      recipients: [{ category: 'disclosures', recipient: 'Polizeipräsidium Bochum', kind: 'authority' }],
      storage: [{ category: 'sms', period: 90, unit: 'days', text: '90 Tagen nach dem Versand gelöscht.' }],
      rights: ['Recht auf Berichtigung (Art. 16 DSGVO).'],
      complaint: 'Beschwerde bei einer Aufsichtsbehörde (Art. 77 DSGVO).',
      sources: [{ category: 'sms', text: 'Beim Versand erhoben.' }],
      automatedDecisions: 'Keine automatisierte Entscheidung (Art. 22 DSGVO).',
    },
  });

describe('the Auskunft letter', () => {
  it('shows the addressee, every source, the message line by line and the sections a-h', async () => {
    const text = (await pdfText(await subjectReportPdf(report('Hallo,\n\nich bin umgezogen.\r\nGruß')))).join('\n');
    for (const expected of [
      'Datenübertragbarkeit nach Art. 20 DSGVO – Unser Zeichen FX62-H4VK',
      'Frau Zeynep Güneş',
      'zeynep@example.de',
      'Hallo,',
      'ich bin umgezogen.',
      'Gruß',
      'Abrechnung',
      'zum Nachweis bis 21.11.2027',
      '4711000001',
      '198.51.100.7',
      '2001:db8::7',
      'Passwort geändert',
      'Polizeipräsidium Bochum',
      'Protokolleintrag inzwischen gelöscht',
      'a) Zwecke der Verarbeitung',
      'b) Kategorien personenbezogener Daten',
      'c) Empfänger',
      'd) Speicherdauer',
      'e) Ihre Rechte',
      'f) Beschwerderecht',
      'g) Herkunft der Daten',
      'h) Automatisierte Entscheidungsfindung',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain(PLACEHOLDER);
  });

  it('replaces only a character the font lacks (DejaVu has 😀, not 👍), and says so', async () => {
    const text = (await pdfText(await subjectReportPdf(report('Danke 👍')))).join('\n');
    expect(text).toContain(`Danke ${PLACEHOLDER}`);
    expect(text).toContain('Hinweis: Ein Zeichen');
  });
});
