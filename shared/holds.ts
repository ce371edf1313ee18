// Legal holds at the backend (issue 14): an officer requests one for a customer's SMS and portal
// records (case reference, reason, until, at most 180 days), a different person with the
// supervisor role confirms or rejects it. Every purge at the backend and on every workstation
// respects confirmed holds; the feed's `hold.updated` carries each hold's state to the
// workstations of dpo and supervisors.
import { z } from 'zod';
import { CustomerNumber, Instant, LocalDate } from './wire';

export const HOLD_MAX_DAYS = 180;
export const HOLD_STATUSES = ['requested', 'confirmed', 'rejected', 'ended'] as const;
export const HoldStatus = z.enum(HOLD_STATUSES);
export type HoldStatus = z.infer<typeof HoldStatus>;

const HoldActor = z.object({ userId: z.string().min(1), displayName: z.string().min(1) });

export const HoldRequest = z.strictObject({
  caseRef: z.string().trim().min(3, 'Aktenzeichen fehlt').max(100),
  customerNumber: CustomerNumber,
  until: LocalDate,
  reason: z.string().trim().min(3, 'Begründung fehlt').max(500),
});
export type HoldRequest = z.infer<typeof HoldRequest>;

export const HoldDecision = z.strictObject({
  decision: z.enum(['confirm', 'reject']),
  note: z.string().trim().max(500).optional(),
});
export type HoldDecision = z.infer<typeof HoldDecision>;

export const BackendHold = z.object({
  id: z.uuid(),
  caseRef: z.string(),
  customerNumber: CustomerNumber,
  reason: z.string(),
  until: LocalDate,
  status: HoldStatus,
  requestedBy: HoldActor,
  requestedAt: Instant,
  decidedBy: HoldActor.nullable(),
  decidedAt: Instant.nullable(),
  decisionNote: z.string().nullable(),
});
export type BackendHold = z.infer<typeof BackendHold>;
