// The service center's workstations as the backend knows them (issue 16, item 5): supervisors see
// when each was last in contact and which deletion proofs it still owes, and retire one that will
// not come back (lost, reinstalled). A retired workstation can no longer log in; the proofs it
// owed are recorded as `workstation_retired`, with who retired it and when, instead of staying
// overdue forever.
import { z } from 'zod';
import { Instant, Uuid } from './wire';

const Actor = z.object({ userId: z.string().min(1), displayName: z.string().min(1) });

/** A workstation's deletion self-test, as it reports it after each run (numbers only, no file contents). */
export const SelfTestReport = z.strictObject({
  at: Instant,
  passed: z.boolean(),
  filesScanned: z.number().int().min(0).max(100_000),
  findings: z.number().int().min(0).max(100_000),
});
export type SelfTestReport = z.infer<typeof SelfTestReport>;

export const WorkstationView = z.object({
  id: Uuid,
  registeredAt: Instant,
  /** The user id of the first login. */
  registeredBy: z.string(),
  /** The last feed read or login (to the minute); null before its first sync. */
  lastSeenAt: Instant.nullable(),
  /** Requests whose data it held and should have purged, without its receipt. */
  missingReceipts: z.number().int().min(0),
  /** Cases it holds now (claimed there). */
  holding: z.number().int().min(0),
  retired: z.object({ at: Instant, by: Actor, reason: z.string() }).nullable(),
  /** The latest self-test it reported (optional: a backend before this extension does not send it). */
  lastSelfTest: z.object({ at: Instant, passed: z.boolean(), findings: z.number().int() }).nullable().optional(),
});
export type WorkstationView = z.infer<typeof WorkstationView>;

export const WorkstationList = z.object({ workstations: z.array(WorkstationView) });
export type WorkstationList = z.infer<typeof WorkstationList>;

export const RetireWorkstationRequest = z.strictObject({
  reason: z.string().trim().min(5, 'Bitte den Grund nennen (mindestens 5 Zeichen)').max(500, 'Höchstens 500 Zeichen'),
});
export type RetireWorkstationRequest = z.infer<typeof RetireWorkstationRequest>;

export const RetireWorkstationResponse = z.object({
  workstation: WorkstationView,
  /** Receipts recorded as `workstation_retired` (proofs it owed). */
  recordedAsRetired: z.number().int().min(0),
  /** Its claims given back to the queue. */
  released: z.number().int().min(0),
});
export type RetireWorkstationResponse = z.infer<typeof RetireWorkstationResponse>;
