// The work queue: list, detail, and what a worker does to a request.
import { z } from 'zod';
import { Department, Disposition, Outcome, RequestKind, RetentionReason, Topic } from '../domain';
import { ActionResult, AgentDay, HeldCase, QueueChanges, QueueRow, RequestDetail, RequestStatus, RetryRules } from '../views';
import { QueueCounts, QueueWindow, QueueWindowInput } from '../queue-window';
import { Instant, LocalDate, TimeWindow, Uuid } from '../wire';
import { channel, EVERYONE, None, RequestRef, WORKERS } from './channel';
import { RetainedViewRequest, RetainedViewResponse } from '../retained';

export const QueueListInput = z
  .object({
    kinds: z.array(RequestKind).max(4).optional(),
    statuses: z.array(RequestStatus).max(5).optional(),
    topics: z.array(Topic).max(5).optional(),
    limit: z.number().int().min(1).max(200_000).optional(),
  })
  .strict();

export const CloseInput = z
  .object({
    requestId: Uuid,
    outcome: Outcome,
    retention: z
      .object({
        reason: RetentionReason,
        until: LocalDate,
        note: z.string().trim().min(1, 'Eine Aufbewahrung braucht eine Begründung').max(2000),
      })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();

/**
 * A call attempt; `rescheduled` (SYNC_API 1.1) carries the new date and window the person agreed
 * to. The core checks the slot against the intake form's rules with its own clock.
 */
export const AttemptInput = RequestRef.extend({
  disposition: Disposition,
  preferredDate: LocalDate.optional(),
  preferredWindow: TimeWindow.optional(),
})
  .strict()
  .refine((a) => (a.disposition === 'rescheduled') === (a.preferredDate !== undefined && a.preferredWindow !== undefined), {
    message: 'Ein neuer Termin braucht Datum und Zeitfenster, und nur ein neuer Termin hat sie.',
  });

/** Incremental queue updates, so a 100,000-row queue is not re-sent on every sync. */
export const QueueChangesInput = z
  .object({
    since: Instant.nullable(),
    /** Rows the renderer wants re-read anyway (its own claims, pending actions, held personal data). */
    ids: z.array(Uuid).max(5_000).optional(),
  })
  .strict();

/** Bounds match the core's RETRY_BOUNDS: never fewer than one call, never hammering a caller. */
export const RetryRulesInput = z
  .object({
    maxAttempts: z.number().int().min(1, 'Mindestens 1 Anrufversuch').max(5, 'Höchstens 5 Anrufversuche'),
    minGapMinutes: z.number().int().min(10, 'Mindestabstand wenigstens 10 Minuten').max(240, 'Mindestabstand höchstens 240 Minuten'),
  })
  .strict();

export const queueChannels = {
  'queue.list': channel(QueueListInput, z.array(QueueRow), EVERYONE),
  'request.detail': channel(RequestRef, RequestDetail, EVERYONE),
  'request.claim': channel(RequestRef, ActionResult, WORKERS),
  'request.attempt': channel(AttemptInput, ActionResult, ['agent']),
  'request.forward': channel(RequestRef.extend({ department: Department }).strict(), ActionResult, WORKERS),
  'request.release': channel(RequestRef, ActionResult, WORKERS),
  /** The caller's claimed cases at this workstation (logging out offers to release them). */
  'queue.held': channel(None, z.array(HeldCase), WORKERS),
  'request.close': channel(CloseInput, ActionResult, WORKERS),
  /**
   * Issue 16: a retained case read again from the backend, read-only, with the reason the person
   * stated; held in memory for display only (never stored on this workstation).
   */
  'request.viewRetained': channel(RequestRef.extend(RetainedViewRequest.shape).strict(), RetainedViewResponse, WORKERS),
  'queue.changes': channel(QueueChangesInput, QueueChanges, EVERYONE),
  /** One window of the filtered, searched, sorted queue: what the workbench table shows. */
  'queue.window': channel(QueueWindowInput, QueueWindow, EVERYONE),
  /** Per filter value, how many rows it would show (the filter bar's numbers). */
  'queue.counts': channel(None, QueueCounts, EVERYONE),
  'queue.retryRules': channel(None, RetryRules, EVERYONE),
  'queue.setRetryRules': channel(RetryRulesInput, RetryRules, ['supervisor']),
  /** The caller's own day: callbacks closed, reach rate, attempts per callback. */
  'agent.day': channel(None, AgentDay, ['agent']),
} as const;
