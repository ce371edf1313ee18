// German names for the contract's English wire values. Records keyed by the shared unions, so a
// value added to the contract fails type checking here until it has a German name.
import type { Department, Disposition, Outcome, RequestKind, RetentionReason, Role, Topic } from '../../../shared/domain';
import type { DueState, RequestStatus } from '../../../shared/views';

export const ROLE_LABELS: Record<Role, string> = {
  agent: 'Sachbearbeitung',
  dpo: 'Datenschutzbeauftragte',
  equality: 'Gleichbehandlungsbeauftragter',
  supervisor: 'Leitung',
};

export const KIND_LABELS: Record<RequestKind, string> = {
  callback: 'Rückruf',
  contact: 'Kontaktanfrage',
  dpo: 'Datenschutzanfrage',
  equality: 'Gleichbehandlungsanfrage',
};

export const TOPIC_LABELS: Record<Topic, string> = {
  billing: 'Abrechnung',
  contract: 'Vertrag',
  move: 'Umzug',
  outage: 'Störung',
  other: 'Sonstiges',
};

export const STATUS_LABELS: Record<RequestStatus, string> = {
  open: 'Offen',
  claim_pending: 'Übernahme ausstehend',
  claimed: 'In Bearbeitung',
  claimed_elsewhere: 'Vergeben',
  closed: 'Abgeschlossen',
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
};

export const DISPOSITION_LABELS: Record<Disposition, string> = {
  reached: 'Erreicht',
  no_answer: 'Keine Antwort',
  busy: 'Besetzt',
  voicemail: 'Mailbox',
  wrong_number: 'Falsche Nummer',
  declined: 'Abgelehnt',
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

/** The "Bearbeiter" cell: the current user is "ich". */
export function ownerLabel(owner: { displayName: string; mine: boolean } | null): string {
  if (!owner) return '–';
  return owner.mine ? 'ich' : owner.displayName;
}
