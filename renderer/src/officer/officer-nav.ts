// Which officer screens a user's roles open. Hiding is not access control (the core refuses on
// its own); it keeps screens away from people who could not use them anyway.
import type { Role } from '../../../shared/domain';

export type OfficerView = 'workbench' | 'cases' | 'lookup' | 'disclosures';

export const VIEW_LABELS: Record<OfficerView, string> = {
  workbench: 'Arbeitsplatz',
  cases: 'Vertrauliche Fälle',
  lookup: 'SMS-Abfrage',
  disclosures: 'Offenlegungen',
};

/** The views offered, in order; `workbench` is whatever the rest of the desk shows these roles. */
export function officerViews(roles: readonly Role[]): OfficerView[] {
  const officer = roles.includes('dpo') || roles.includes('equality');
  const sms = roles.includes('dpo') || roles.includes('supervisor');
  if (!officer && !sms) return [];
  // Pure officers have no other work: their confidential cases replace the agents' queue.
  const onlyOfficer = roles.every((r) => r === 'dpo' || r === 'equality');
  return [
    ...(onlyOfficer ? [] : (['workbench'] as const)),
    ...(officer ? (['cases'] as const) : []),
    ...(sms ? (['lookup', 'disclosures'] as const) : []),
  ];
}
