import type { DisclosureStatus } from '../../../../shared/officer-views';

export const DISCLOSURE_STATUS_LABELS: Record<DisclosureStatus, string> = {
  pending: 'Wartet auf Freigabe',
  approved: 'Freigegeben',
  rejected: 'Abgelehnt',
};
