import { LOOKUP_PURPOSE_LABELS, PURGE_RULE_LABELS } from './labels';
// German names of the audit log's actions. The log stores technical names on purpose (stable,
// language-free); an action without a label here is shown as stored.
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  login: 'Anmeldung',
  purge: 'Löschung',
  'purge.sms': 'Löschung SMS-Protokoll',
  'sms.lookup': 'SMS-Abfrage',
  'purge.portal': 'Löschung Portal-Protokoll',
  'portal.lookup': 'Portal-Abfrage',
  'audit.keys_destroyed': 'Schlüssel des Prüfprotokolls vernichtet',
  'rule.change': 'Regeländerung',
  'rule.change_refused': 'Regeländerung abgelehnt',
  'retry_rules.changed': 'Anrufregeln geändert',
  'retry_rules.change_refused': 'Anrufregeln: Änderung abgelehnt',
  'rules.applied': 'Regeln der Zentrale übernommen',
  'workstation.retired': 'Arbeitsplatz stillgelegt',
  'retention.long_decided': 'Lange Aufbewahrung entschieden',
  'retained.view': 'Aufbewahrten Fall eingesehen',
  'retained.view_refused': 'Aufbewahrter Fall: Einsicht abgelehnt',
  'subject.mark': 'Betroffenenantrag gekennzeichnet',
  'subject.identity': 'Identitätsprüfung vermerkt',
  'subject.extend': 'Frist verlängert',
  'subject.informed': 'Verlängerung mitgeteilt',
  'subject.search': 'Betroffenensuche',
  'subject.decide': 'Treffer entschieden',
  'subject.report': 'Auskunft erstellt',
  'subject.report_sent': 'Auskunft als versandt vermerkt',
  'subject.report_purged': 'Auskunft: Dateien gelöscht',
  'subject.rectify': 'Berichtigung beim Backend',
  'subject.rectified': 'Berichtigung übernommen',
  'subject.restrict': 'Einschränkung angeordnet',
  'subject.lift': 'Einschränkung aufgehoben',
  'subject.object': 'Widerspruch erfasst',
  'hold.set': 'Sicherung angelegt',
  'hold.confirm': 'Sicherung bestätigt',
  'hold.confirm_refused': 'Sicherung: Bestätigung abgelehnt',
  'hold.reject': 'Sicherung abgewiesen',
  'hold.ended': 'Sicherung beendet',
  export: 'Export Löschnachweis',
  'audit.export': 'Export Prüfprotokoll',
  'case.note': 'Fallnotiz',
  'case.note.edit': 'Fallnotiz geändert',
  'disclosure.create': 'Offenlegung angelegt',
  'disclosure.view': 'Offenlegung eingesehen',
  'disclosure.approved': 'Offenlegung genehmigt',
  'disclosure.rejected': 'Offenlegung abgelehnt',
  'disclosure.decide_refused': 'Offenlegung: Entscheidung abgelehnt',
  'disclosure.export': 'Offenlegung exportiert',
  'disclosure.export_purged': 'Offenlegungs-Export gelöscht',
};

/** Names of action families, offered as `hold.*` in the filter. */
const FAMILY_LABELS: Record<string, string> = {
  hold: 'Sicherung',
  purge: 'Löschung',
  disclosure: 'Offenlegung',
  rule: 'Regeländerung',
  audit: 'Prüfprotokoll',
};

export function auditActionLabel(action: string): string {
  if (action.endsWith('.*')) {
    const family = action.slice(0, -2);
    return `${FAMILY_LABELS[family] ?? family} (alle)`;
  }
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** The filter's choices: every action in the log, plus a family wherever two or more share a prefix. */
export function auditActionChoices(actions: readonly string[]): { value: string; label: string }[] {
  const counts = new Map<string, number>();
  for (const action of actions) {
    const family = action.split('.')[0]!;
    counts.set(family, (counts.get(family) ?? 0) + 1);
  }
  const families = [...counts].filter(([, n]) => n > 1).map(([family]) => `${family}.*`);
  return [...families, ...actions].map((value) => ({ value, label: auditActionLabel(value) })).sort((a, b) => a.label.localeCompare(b.label, 'de'));
}

const DETAIL_LABELS: Record<string, string> = {
  roles: 'Rollen',
  name: 'Name',
  rows: 'Zeilen',
  rule: 'Regel',
  by: 'Suche nach',
  query: 'Suchbegriff',
  purpose: 'Anlass',
  purposeCategory: 'Zweck',
  from: 'von',
  to: 'bis',
  results: 'Treffer',
  reason: 'Grund',
  until: 'bis',
  records: 'Datensätze',
  count: 'Anzahl',
  kind: 'Art',
  days: 'Tage',
  file: 'Datei',
  sha256: 'Prüfsumme',
};

const ROLE_NAMES: Record<string, string> = { agent: 'Sachbearbeitung', dpo: 'Datenschutz', equality: 'Gleichbehandlung', supervisor: 'Leitung' };
const BY_NAMES: Record<string, string> = { customer: 'Kundennummer', ip: 'IP-Adresse/Netz' };
const HASHED = new Set(['query', 'purpose']);

function detailValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value !== 'string') return typeof value === 'number' ? value.toLocaleString('de-DE') : JSON.stringify(value);
  if (HASHED.has(key)) return 'verschlüsselt';
  if (key === 'roles') return value.split(',').map((r) => ROLE_NAMES[r] ?? r).join(', ');
  if (key === 'by') return BY_NAMES[value] ?? value;
  if (key === 'rule') return (PURGE_RULE_LABELS as Record<string, string>)[value] ?? RULE_WORDS[value] ?? value;
  if (key === 'purposeCategory') return (LOOKUP_PURPOSE_LABELS as Record<string, string>)[value] ?? value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value.split('-').reverse().join('.');
  return value;
}

const RULE_WORDS: Record<string, string> = { released: 'Freigegeben' };

/**
 * The stored details readable in German ("Suche nach: Kundennummer, Suchbegriff: verschlüsselt");
 * keyed hashes are named, not shown. Anything that is not a flat JSON object is shown as stored.
 */
export function formatAuditDetails(details: string): string {
  try {
    const value: unknown = JSON.parse(details);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length === 0) return '–';
      return entries.map(([key, v]) => `${DETAIL_LABELS[key] ?? key}: ${detailValue(key, v)}`).join(' · ');
    }
  } catch {
    // not JSON (e.g. edited by hand): shown as stored below
  }
  return details;
}
