// German names for the contract's English wire values. Records keyed by the shared unions, so a
// value added to the contract fails type checking here until it has a German name.
import type { Department, Disposition, Outcome, RequestKind, RetentionReason, Role } from '../../../shared/domain';
import type { DueState } from '../../../shared/views';
// The queue's labels live in shared/: the core searches and sorts by them too.
export { KIND_LABELS, STATUS_LABELS, TOPIC_LABELS } from '../../../shared/labels';

/** The kind in the narrow "Art" column of the queue, so every column fits a 1280 px window. */
export const KIND_SHORT_LABELS: Record<RequestKind, string> = {
  callback: 'Rückruf',
  contact: 'Kontakt',
  dpo: 'Datenschutz',
  equality: 'Gleichbeh.',
};

export const ROLE_LABELS: Record<Role, string> = {
  agent: 'Sachbearbeitung',
  dpo: 'Datenschutzbeauftragte',
  equality: 'Gleichbehandlungsbeauftragter',
  supervisor: 'Leitung',
};

export const DUE_LABELS: Record<DueState, string> = {
  upcoming: 'Später',
  due: 'Jetzt fällig',
  overdue: 'Überfällig',
};

export const RETENTION_REASON_LABELS: Record<RetentionReason, string> = {
  proof: 'Nachweis (höchstens 3 Jahre)',
  customer_care: 'Kundenbetreuung (höchstens 1 Jahr)',
  statutory: 'Gesetzliche Aufbewahrung (höchstens 10 Jahre)',
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  resolved: 'Erledigt',
  unreachable: 'Nicht erreicht',
  withdrawn: 'Zurückgezogen',
  duplicate: 'Dublette',
  expired: 'Abgelaufen',
  access_deleted: 'Online-Zugang gelöscht',
};

export const DISPOSITION_LABELS: Record<Disposition, string> = {
  reached: 'Erreicht',
  no_answer: 'Keine Antwort',
  busy: 'Besetzt',
  voicemail: 'Mailbox',
  wrong_number: 'Falsche Nummer',
  declined: 'Abgelehnt',
  rescheduled: 'Neuer Termin vereinbart',
};

export const DEPARTMENT_LABELS: Record<Department, string> = {
  billing: 'Abrechnung',
  contracts: 'Verträge',
  grid: 'Netz',
  portal: 'Kundenportal',
  complaints: 'Beschwerden',
  other: 'Sonstige',
};

/** The keys of a label record, in declaration order, typed (for select options). */
export function labelOptions<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

export function roleList(roles: readonly Role[]): string {
  return roles.map((role) => ROLE_LABELS[role]).join(', ');
}

/** The "Bearbeiter" cell: the current user is "Sie" in the table, by name where it is known. */
export function ownerLabel(owner: { displayName: string; mine: boolean } | null, myName?: string): string {
  if (!owner) return '–';
  if (!owner.mine) return owner.displayName;
  return myName ? `${myName} (Sie)` : 'Sie';
}
