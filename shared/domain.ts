// Domain vocabulary shared by every layer. Values are the wire values of SYNC_API.md.
import { z } from 'zod';

export const REQUEST_KINDS = ['callback', 'contact', 'dpo', 'equality'] as const;
export const RequestKind = z.enum(REQUEST_KINDS);
export type RequestKind = z.infer<typeof RequestKind>;

/** What a callback is about; a message's category is one of these or `online_access` (SYNC_API 1.1). */
export const CALLBACK_TOPICS = ['billing', 'contract', 'move', 'outage', 'other'] as const;
export const CallbackTopic = z.enum(CALLBACK_TOPICS);
export const TOPICS = [...CALLBACK_TOPICS, 'online_access'] as const;
export const Topic = z.enum(TOPICS);
export type Topic = z.infer<typeof Topic>;

/** The outcome of one call. */
export const CALL_DISPOSITIONS = ['reached', 'no_answer', 'busy', 'voicemail', 'wrong_number', 'declined'] as const;
export const CallDisposition = z.enum(CALL_DISPOSITIONS);
export type CallDisposition = z.infer<typeof CallDisposition>;

/**
 * SYNC_API 1.1 adds `rescheduled`: the person agreed a new date and window on the phone (the
 * attempt then carries them, see sync-api.ts `AttemptData`).
 */
export const DISPOSITIONS = [...CALL_DISPOSITIONS, 'rescheduled'] as const;
export const Disposition = z.enum(DISPOSITIONS);
export type Disposition = z.infer<typeof Disposition>;

export const DEPARTMENTS = ['billing', 'contracts', 'grid', 'portal', 'complaints', 'other'] as const;
export const Department = z.enum(DEPARTMENTS);
export type Department = z.infer<typeof Department>;

/** `access_deleted` (extension of SYNC_API 1.1, issue 15): the online access was deleted in the portal's administration; only for topic online_access. */
export const OUTCOMES = ['resolved', 'unreachable', 'withdrawn', 'duplicate', 'expired', 'access_deleted'] as const;
export const Outcome = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof Outcome>;

export const RETENTION_REASONS = ['proof', 'customer_care', 'statutory'] as const;
export const RetentionReason = z.enum(RETENTION_REASONS);
export type RetentionReason = z.infer<typeof RetentionReason>;

export const ROLES = ['agent', 'dpo', 'equality', 'supervisor'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const SALUTATIONS = ['Frau', 'Herr', 'divers'] as const;
export const Salutation = z.enum(SALUTATIONS).nullable();
export type Salutation = z.infer<typeof Salutation>;

/** Which request kinds a role may see and work. Supervisors see entries, never personal data. */
export const KINDS_BY_ROLE: Record<Role, readonly RequestKind[]> = {
  agent: ['callback', 'contact'],
  dpo: ['dpo'],
  equality: ['equality'],
  supervisor: [],
};

export function kindsWorkableBy(roles: readonly Role[]): RequestKind[] {
  return [...new Set(roles.flatMap((r) => KINDS_BY_ROLE[r]))];
}

/** Kinds whose queue entries (without personal data) a user may see. */
export function kindsVisibleTo(roles: readonly Role[]): RequestKind[] {
  return roles.includes('supervisor') ? [...REQUEST_KINDS] : kindsWorkableBy(roles);
}

export function maySeeSms(roles: readonly Role[]): boolean {
  return roles.includes('dpo') || roles.includes('supervisor');
}

/** Why an SMS lookup was made: readable in the Prüfprotokoll (the free-text detail stays keyed). */
export const LOOKUP_PURPOSES = ['criminal_complaint', 'internal_abuse', 'data_subject_request', 'customer_complaint', 'other'] as const;
export const LookupPurpose = z.enum(LOOKUP_PURPOSES);
export type LookupPurpose = z.infer<typeof LookupPurpose>;

/** Retention limits from DESIGN.md, in whole years/days after closing. */
export const RETENTION_LIMIT_YEARS: Record<RetentionReason, number> = {
  proof: 3,
  customer_care: 1,
  statutory: 10,
};
export const SMS_RETENTION_DAYS = 90;
/** The Online-Kundencenter's access log is kept as long as the SMS log. */
export const PORTAL_RETENTION_DAYS = 90;

export const PORTAL_ACTIONS = ['login', 'login_failed', 'logout', 'password_changed', 'access_deleted'] as const;
export const PortalAction = z.enum(PORTAL_ACTIONS);
export type PortalAction = z.infer<typeof PortalAction>;
export const CALLBACK_EXPIRY_DAYS = 14;
