// German names of the queue's wire values: what agents read in the table, and therefore what the
// core's queue search matches and its label columns sort by. Records keyed by the shared unions,
// so a value added to the contract fails type checking here until it has a German name.
import type { RequestKind, Topic } from './domain';
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
};

export const STATUS_LABELS: Record<RequestStatus, string> = {
  open: 'Offen',
  claim_pending: 'Übernahme ausstehend',
  claimed: 'In Bearbeitung',
  claimed_elsewhere: 'Vergeben',
  closed: 'Abgeschlossen',
};
