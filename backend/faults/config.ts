// Fault mode: what can go wrong between a workstation and the real backend, on demand and
// seeded, so the sync client's retries, dedup and quarantine can be tested for real.
import { z } from 'zod';

const rate = z.number().min(0).max(1).default(0);

export const FaultConfig = z
  .strictObject({
    /** Seed of the fault dice; defaults to the backend's seed. */
    seed: z.number().int().optional(),
    // Per /api/v1 call; at most one of these strikes a call (their sum must stay <= 1).
    error500Rate: rate,
    error503Rate: rate,
    error429Rate: rate,
    /** Retry-After seconds of 503 and 429 answers. */
    retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
    /** Socket destroyed without an answer; half of the drops happen after the call was processed. */
    dropRate: rate,
    /** Held open for timeoutMs, then destroyed; half of them after the call was processed. */
    timeoutRate: rate,
    timeoutMs: z.number().int().min(0).max(600_000).default(30_000),
    // Per feed event (duplicates also per page: the cursor steps back so the next page repeats some).
    duplicateRate: rate,
    /** Known type, valid envelope, body breaks the schema (e.g. request.queued of kind 'pizza'). */
    malformedRate: rate,
    /** Envelope itself broken: no id, no at, not even an object. */
    brokenEnvelopeRate: rate,
    /** Valid envelope, a type the contract does not know (e.g. request.annotated): to be skipped. */
    unknownTypeRate: rate,
    /** The next feed call that carries a cursor is answered 410 cursor_expired, once. */
    expireCursorOnce: z.boolean().default(false),
  })
  .refine((f) => f.error500Rate + f.error503Rate + f.error429Rate + f.dropRate + f.timeoutRate <= 1, {
    message: 'error500Rate + error503Rate + error429Rate + dropRate + timeoutRate must not exceed 1',
  });

export type FaultConfig = z.output<typeof FaultConfig>;
/** What callers pass: every field optional. */
export type FaultConfigInput = z.input<typeof FaultConfig>;

export const NO_FAULTS: FaultConfig = FaultConfig.parse({});

export interface FaultCounters {
  error500: number;
  error503: number;
  error429: number;
  dropped: number;
  /** Drops and timeouts that struck after the call had been processed (the answer was lost). */
  lostAnswers: number;
  timedOut: number;
  duplicatedEvents: number;
  /** Events served again on the next page because the cursor stepped back. */
  replayedEvents: number;
  malformedEvents: number;
  brokenEnvelopes: number;
  unknownTypeEvents: number;
  cursorsExpired: number;
}

export function zeroCounters(): FaultCounters {
  return {
    error500: 0,
    error503: 0,
    error429: 0,
    dropped: 0,
    lostAnswers: 0,
    timedOut: 0,
    duplicatedEvents: 0,
    replayedEvents: 0,
    malformedEvents: 0,
    brokenEnvelopes: 0,
    unknownTypeEvents: 0,
    cursorsExpired: 0,
  };
}
