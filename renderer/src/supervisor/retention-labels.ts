// German names for the retention vocabulary shown to supervisors.
import type { HoldView, RuleView } from '../../../shared/retention';
import { KIND_LABELS } from '../format/labels';
// Also named in the core's Löschprotokoll: one set of names in shared/.
export { PURGE_RULE_LABELS } from '../../../shared/labels';

export const HOLD_REASON_LABELS: Record<HoldView['reason'], string> = {
  proof: 'Nachweis',
  customer_care: 'Kundenbetreuung',
  statutory: 'Gesetzliche Aufbewahrung',
  legal_hold: 'Sicherung (Strafanzeige)',
  unknown: 'Aufbewahrung (Grund an anderem Arbeitsplatz)',
};

export function kindLabel(kind: string): string {
  return kind === 'sms' ? 'SMS-Protokoll' : (KIND_LABELS[kind as keyof typeof KIND_LABELS] ?? kind);
}

export function periodLabel(value: number, unit: RuleView['unit']): string {
  if (value === 0) return 'sofort';
  if (unit === 'days') return `${value} ${value === 1 ? 'Tag' : 'Tage'}`;
  return `${value} ${value === 1 ? 'Jahr' : 'Jahre'}`;
}
