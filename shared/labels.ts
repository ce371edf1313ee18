// German names of wire values that both the renderer and the core show: the queue's (what agents
// read in the table, and therefore what the core's search matches and its label columns sort by)
// and the purge rules (the deletion dashboard and the Löschprotokoll). Records keyed by the shared
// unions, so a value added to the contract fails type checking here until it has a German name.
import type { LookupPurpose, PortalAction, RequestKind, Topic } from './domain';
import type { PurgeRule } from './sync-api';
import type { RequestStatus } from './views';

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
  online_access: 'Online-Zugang löschen',
};

export const STATUS_LABELS: Record<RequestStatus, string> = {
  open: 'Offen',
  claim_pending: 'Übernahme ausstehend',
  claimed: 'In Bearbeitung',
  claimed_elsewhere: 'Vergeben',
  closed: 'Abgeschlossen',
};

/** Why an entry was purged: on the deletion dashboard and in the Löschprotokoll. */
export const PURGE_RULE_LABELS: Record<PurgeRule, string> = {
  callback_closed: 'Rückruf abgeschlossen',
  callback_expired: 'Rückruf abgelaufen',
  case_closed: 'Vorgang abgeschlossen',
  retention_ended: 'Aufbewahrung beendet',
  claimed_elsewhere: 'Anderswo übernommen',
  released: 'Freigegeben',
  erased: 'Löschauftrag',
  sms_90_days: 'SMS-Frist abgelaufen',
  portal_90_days: 'Portal-Protokoll-Frist abgelaufen',
  hold_ended: 'Sicherung beendet',
  disclosure_export_ended: 'Offenlegungs-Export: Frist abgelaufen',
  subject_report_ended: 'Auskunft: Nachweisfrist abgelaufen',
  self_test: 'Selbsttest',
  workstation_retired: 'Arbeitsplatz stillgelegt (kein Löschnachweis)',
};

export const LOOKUP_PURPOSE_LABELS: Record<LookupPurpose, string> = {
  criminal_complaint: 'Strafanzeige / Ermittlungsersuchen',
  internal_abuse: 'Interner Missbrauchsverdacht',
  data_subject_request: 'Betroffenenanfrage',
  customer_complaint: 'Beschwerde der Kundschaft',
  other: 'Sonstiges',
};

/** What the Online-Kundencenter logged (issue 15). */
export const PORTAL_ACTION_LABELS: Record<PortalAction, string> = {
  login: 'Anmeldung',
  login_failed: 'Anmeldung fehlgeschlagen',
  logout: 'Abmeldung',
  password_changed: 'Passwort geändert',
  access_deleted: 'Zugang gelöscht',
};
