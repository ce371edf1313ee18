// Who may read a feed event (SYNC_API.md, Roles): each event carries one audience code, a user
// reads the codes their roles allow.
import { kindsVisibleTo, maySeeSms, REQUEST_KINDS, type Role } from '../../shared/domain';

export const AUDIENCE = { callback: 0, contact: 1, dpo: 2, equality: 3, sms: 4, receipts: 5, portal: 6, holds: 7, rules: 8, disclosures: 9, subject: 10 } as const;

/** The audience of a request's events: everyone who may see its kind. */
export function requestAudience(kind: string): number {
  const code = (AUDIENCE as Record<string, number>)[kind];
  if (code === undefined || !(REQUEST_KINDS as readonly string[]).includes(kind)) throw new Error(`unknown request kind ${kind}`);
  return code;
}

export function audiencesOf(roles: readonly Role[]): number[] {
  // Everyone works under the rules in force (issue 16).
  const codes: number[] = [...kindsVisibleTo(roles).map((kind) => AUDIENCE[kind]), AUDIENCE.rules];
  if (maySeeSms(roles)) codes.push(AUDIENCE.sms, AUDIENCE.portal, AUDIENCE.holds, AUDIENCE.disclosures);
  if (roles.includes('supervisor')) codes.push(AUDIENCE.receipts);
  // Issue 17: data-subject requests are the data-protection officer's alone, like her cases.
  if (roles.includes('dpo')) codes.push(AUDIENCE.subject);
  return codes;
}
