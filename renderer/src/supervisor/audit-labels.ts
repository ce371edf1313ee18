// German names of the audit log's actions. The log stores technical names on purpose (stable,
// language-free); an action without a label here is shown as stored.
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  login: 'Anmeldung',
  purge: 'Löschung',
  'purge.sms': 'Löschung SMS-Protokoll',
  'sms.lookup': 'SMS-Abfrage',
  'rule.change': 'Regeländerung',
  'rule.change_refused': 'Regeländerung abgelehnt',
  'retry_rules.changed': 'Anrufregeln geändert',
  'hold.set': 'Sicherung angelegt',
  'hold.confirm': 'Sicherung bestätigt',
  'hold.confirm_refused': 'Sicherung: Bestätigung abgelehnt',
  'hold.ended': 'Sicherung beendet',
  export: 'Export Löschnachweis',
  'audit.export': 'Export Prüfprotokoll',
  'case.note': 'Fallnotiz',
  'disclosure.create': 'Offenlegung angelegt',
  'disclosure.view': 'Offenlegung eingesehen',
  'disclosure.approved': 'Offenlegung genehmigt',
  'disclosure.rejected': 'Offenlegung abgelehnt',
  'disclosure.decide_refused': 'Offenlegung: Entscheidung abgelehnt',
  'disclosure.export': 'Offenlegung exportiert',
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

/** The stored details as "key: value" pairs; anything that is not a flat JSON object is shown raw. */
export function formatAuditDetails(details: string): string {
  try {
    const value: unknown = JSON.parse(details);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.entries(value as Record<string, unknown>)
        .map(([key, v]) => `${key}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(', ');
    }
  } catch {
    // not JSON (e.g. edited by hand): shown as stored below
  }
  return details;
}
