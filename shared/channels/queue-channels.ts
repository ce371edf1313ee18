// The work queue: list, detail, and what a worker does to a request.
import { z } from 'zod';
import { Department, Disposition, Outcome, RequestKind, RetentionReason, Topic } from '../domain';
import { ActionResult, QueueRow, RequestDetail, RequestStatus } from '../views';
import { LocalDate, Uuid } from '../wire';
import { channel, EVERYONE, RequestRef, WORKERS } from './channel';

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

export const queueChannels = {
  'queue.list': channel(QueueListInput, z.array(QueueRow), EVERYONE),
  'request.detail': channel(RequestRef, RequestDetail, EVERYONE),
  'request.claim': channel(RequestRef, ActionResult, WORKERS),
  'request.attempt': channel(RequestRef.extend({ disposition: Disposition }).strict(), ActionResult, ['agent']),
  'request.forward': channel(RequestRef.extend({ department: Department }).strict(), ActionResult, WORKERS),
  'request.release': channel(RequestRef, ActionResult, WORKERS),
  'request.close': channel(CloseInput, ActionResult, WORKERS),
} as const;
