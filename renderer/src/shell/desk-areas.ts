// The desk's areas and which roles open them: one navigation for every combination of roles
// (an agent who is also a supervisor sees one row of tabs, each area once). Hiding is not access
// control (the core refuses on its own); it keeps screens away from people who cannot use them.
import type { Role } from '../../../shared/domain';

export const DESK_AREAS = ['queue', 'cases', 'deletion', 'audit', 'lookup', 'portal', 'disclosures'] as const;
export type DeskArea = (typeof DESK_AREAS)[number];

export const AREA_LABELS: Record<DeskArea, string> = {
  queue: 'Arbeitsplatz',
  cases: 'Vertrauliche Fälle',
  lookup: 'SMS-Abfrage',
  portal: 'Portal-Abfrage',
  disclosures: 'Offenlegungen',
  deletion: 'Löschübersicht',
  audit: 'Prüfprotokoll',
};

const AREA_ROLES: Record<DeskArea, readonly Role[]> = {
  queue: ['agent'],
  cases: ['dpo', 'equality'],
  lookup: ['dpo', 'supervisor'],
  portal: ['dpo', 'supervisor'],
  disclosures: ['dpo', 'supervisor'],
  deletion: ['supervisor'],
  audit: ['supervisor'],
};

/** The areas these roles open, in the navigation's order; the first is where the user lands. */
export function areasFor(roles: readonly Role[]): DeskArea[] {
  return DESK_AREAS.filter((area) => AREA_ROLES[area].some((role) => roles.includes(role)));
}
