// Retained cases (issue 16, item 3): a case closed with a retention is kept by the backend, not
// the workstation. A person whose roles may work its kind can read it again, read-only, after
// stating why; the backend records who, where, when and why. Long retentions (over one year)
// wait for a supervisor's decision.
import { z } from 'zod';
import { Outcome, RequestKind, RetentionReason } from './domain';
import { ClaimedRequest } from './sync-api';
import { Instant, LocalDate, Uuid } from './wire';

export const RetainedViewRequest = z.strictObject({
  reason: z.string().trim().min(5, 'Bitte den Grund nennen (mindestens 5 Zeichen)').max(500, 'Höchstens 500 Zeichen'),
});
export type RetainedViewRequest = z.infer<typeof RetainedViewRequest>;

export const RetainedViewResponse = z.object({
  request: ClaimedRequest,
  retention: z.object({
    reason: RetentionReason,
    until: LocalDate,
    note: z.string().nullable(),
    /** A retention over one year that a supervisor has not decided yet: the date asked for. */
    requestedUntil: LocalDate.nullable(),
  }),
  outcome: Outcome.nullable(),
  closedAt: Instant,
  /** When the backend recorded this reading. */
  viewedAt: Instant,
});
export type RetainedViewResponse = z.infer<typeof RetainedViewResponse>;

export const PendingRetention = z.object({
  requestId: Uuid,
  kind: RequestKind,
  reference: z.string(),
  reason: RetentionReason,
  closedAt: Instant,
  countsUntil: LocalDate,
  requestedUntil: LocalDate,
  requestedBy: z.string(),
});
export type PendingRetention = z.infer<typeof PendingRetention>;
export const PendingRetentionList = z.object({ retentions: z.array(PendingRetention) });

export const RetentionDecisionRequest = z.strictObject({ until: LocalDate });
export const RetentionDecisionResponse = z.object({ requestId: Uuid, retainedUntil: LocalDate });
export type RetentionDecisionResponse = z.infer<typeof RetentionDecisionResponse>;
