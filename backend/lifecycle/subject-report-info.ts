// The information of Art. 15(1) a-h GDPR in an Auskunft (issue 17, part 3), in plain German for
// the person: per category of data its purpose and legal basis, what it holds, who receives it,
// how long it is kept (from the rules in force, so a supervisor's tightening shows here too),
// where it came from; the rights, the complaint and the absence of automated decisions. The texts
// follow the privacy notice's promises (DESIGN.md, "The job").
import { type RuleKey, type RulesInForce } from '../../shared/rules';
import { type ReportCategory, type SubjectReport } from '../../shared/subject-report';
import { DISCLOSURE_EXPORT_DAYS } from '../../shared/disclosures';
import { type Department } from '../../shared/domain';
import { retentionPeriod } from './rules';

export const REPORT_CONTROLLER = { name: 'Stadtwerke Servicecenter', contact: 'Die Datenschutzbeauftragte' } as const;

const PURPOSES: Record<ReportCategory, { text: string; legalBasis: string }> = {
  requests: {
    text: 'Bearbeitung Ihrer Anfragen über die Formulare der Website (Rückruf, Kontakt, Datenschutz, Gleichbehandlung) und, wo angegeben, Aufbewahrung zum Nachweis, zur Kundenbetreuung oder wegen gesetzlicher Aufbewahrungspflichten.',
    legalBasis: 'Art. 6 Abs. 1 lit. a, b und c DSGVO; bei Aufbewahrung Art. 6 Abs. 1 lit. c und f DSGVO',
  },
  sms: { text: 'Versand der Frei-SMS und Verhinderung von Missbrauch des SMS-Dienstes.', legalBasis: 'Art. 6 Abs. 1 lit. b und f DSGVO' },
  portal: { text: 'Sicherheit des Online-Kundencenters: Nachvollziehen von Anmeldungen und Änderungen am Zugang.', legalBasis: 'Art. 6 Abs. 1 lit. f DSGVO' },
  disclosures: { text: 'Erfüllung eines Auskunftsersuchens einer Behörde (z. B. nach einer Strafanzeige wegen Missbrauchs des SMS-Dienstes).', legalBasis: 'Art. 6 Abs. 1 lit. c DSGVO in Verbindung mit der jeweils genannten Rechtsgrundlage' },
};

const CATEGORIES: Record<ReportCategory, string> = {
  requests: 'Kontaktdaten und Inhalte Ihrer Anfragen: Anrede, Name, Telefonnummer, E-Mail-Adresse, Betreff, Nachricht, Wunschtermin, Einwilligung (Version des Hinweises und Zeitpunkt), Bearbeitungsstand.',
  sms: 'SMS-Protokoll: Kundennummer, Versandzeitpunkt, IP-Adresse.',
  portal: 'Zugriffsprotokoll des Online-Kundencenters: Kundennummer, Zeitpunkt, IP-Adresse, Aktion.',
  disclosures: 'Offenlegungsregister: an welche Behörde, unter welchem Aktenzeichen, wann und auf welcher Rechtsgrundlage Ihre SMS-Protokolldaten übermittelt wurden.',
};

const SOURCES: Record<ReportCategory, string> = {
  requests: 'Von Ihnen selbst über die Formulare unserer Website.',
  sms: 'Beim Versand über den SMS-Dienst unserer Website erhoben.',
  portal: 'Bei der Nutzung des Online-Kundencenters erhoben.',
  disclosures: 'Von uns geführtes Register über Übermittlungen an Behörden.',
};

export const DEPARTMENT_NAMES: Record<Department, string> = {
  billing: 'Abrechnung',
  contracts: 'Verträge',
  grid: 'Netz',
  portal: 'Kundenportal',
  complaints: 'Beschwerden',
  other: 'Sonstige Fachabteilung',
};

const RIGHTS = [
  'Sie haben das Recht auf Berichtigung unrichtiger Daten (Art. 16 DSGVO).',
  'Sie haben das Recht auf Löschung (Art. 17 DSGVO).',
  'Sie haben das Recht auf Einschränkung der Verarbeitung (Art. 18 DSGVO).',
  'Sie haben das Recht, die Sie betreffenden Daten in einem strukturierten, gängigen und maschinenlesbaren Format zu erhalten (Art. 20 DSGVO); die beigefügte JSON-Datei ist dieses Format.',
  'Sie haben das Recht, der Verarbeitung aus Gründen Ihrer besonderen Situation zu widersprechen (Art. 21 DSGVO).',
  'Eine erteilte Einwilligung können Sie jederzeit mit Wirkung für die Zukunft widerrufen (Art. 7 Abs. 3 DSGVO).',
];

const COMPLAINT = 'Sie haben das Recht, sich bei einer Datenschutz-Aufsichtsbehörde zu beschweren (Art. 77 DSGVO), insbesondere bei der für uns zuständigen Landesbeauftragten für Datenschutz und Informationsfreiheit.';
const NO_AUTOMATED_DECISIONS = 'Eine automatisierte Entscheidungsfindung einschließlich Profiling (Art. 22 DSGVO) findet nicht statt.';

const days = (n: number) => (n === 1 ? '1 Tag' : `${n} Tagen`);
const years = (n: number) => (n === 1 ? '1 Jahr' : `${n} Jahre`);

/** How long each category is kept, from the rules in force. */
function storage(rules: RulesInForce, category: ReportCategory): SubjectReport['information']['storage'][number] {
  const p = (key: RuleKey) => retentionPeriod(rules, key);
  switch (category) {
    case 'requests':
      return {
        category,
        period: p('retention_statutory'),
        unit: 'years',
        text: `Rückrufwünsche werden mit Abschluss gelöscht, spätestens ${days(p('callback_expiry'))} nach dem Wunschtermin. Andere Anfragen werden nach Abschluss gelöscht, außer sie werden mit Grund aufbewahrt: zum Nachweis höchstens ${years(p('retention_proof'))}, zur Kundenbetreuung höchstens ${years(p('retention_customer_care'))}, wegen gesetzlicher Pflichten höchstens ${years(p('retention_statutory'))} nach Abschluss.`,
      };
    case 'sms':
      return { category, period: p('sms_log'), unit: 'days', text: `${days(p('sms_log'))} nach dem Versand vollständig gelöscht; bei einer bestätigten Sicherung für ein Verfahren höchstens ${days(p('sms_legal_hold'))}.` };
    case 'portal':
      return { category, period: p('sms_log'), unit: 'days', text: `${days(p('sms_log'))} nach dem Zugriff automatisch gelöscht.` };
    case 'disclosures':
      return { category, period: 0, unit: 'days', text: `Der Registereintrag enthält nur Verweise auf die Protokolldaten; die übermittelten Werte selbst werden mit dem Protokoll gelöscht, die Übergabedateien ${DISCLOSURE_EXPORT_DAYS} Tage nach der Übergabe.` };
  }
}

export interface ReportRecipients {
  authorities: readonly string[];
  departments: readonly Department[];
}

/** Art. 15(1) a-h for the categories present in the Auskunft. */
export function reportInformation(rules: RulesInForce, present: readonly ReportCategory[], recipients: ReportRecipients): SubjectReport['information'] {
  const list: SubjectReport['information']['recipients'] = [];
  for (const department of recipients.departments) list.push({ category: 'requests', recipient: `Fachabteilung ${DEPARTMENT_NAMES[department]} der Stadtwerke (Weiterleitung Ihrer Anfrage)`, kind: 'department' });
  if (present.includes('sms')) list.push({ category: 'sms', recipient: 'SMS-Dienstleister als Auftragsverarbeiter (Art. 28 DSGVO) für den Versand', kind: 'processor' });
  for (const authority of recipients.authorities) list.push({ category: 'disclosures', recipient: authority, kind: 'authority' });
  return {
    purposes: present.map((category) => ({ category, text: PURPOSES[category].text, legalBasis: PURPOSES[category].legalBasis })),
    categories: present.map((category) => ({ category, text: CATEGORIES[category] })),
    recipients: list,
    storage: present.map((category) => storage(rules, category)),
    rights: RIGHTS,
    complaint: COMPLAINT,
    sources: present.map((category) => ({ category, text: SOURCES[category] })),
    automatedDecisions: NO_AUTOMATED_DECISIONS,
  };
}
