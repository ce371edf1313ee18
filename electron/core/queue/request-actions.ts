// What a worker does to a request, applied locally at once and queued in the outbox for the
// backend. Every action checks ownership and the caller's roles here, not in the UI.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { kindsWorkableBy, type Department, type Disposition, type RetentionReason, type Role } from '../../../shared/domain';
import type { ChannelInput } from '../../../shared/contract';
import type { RequestEvent } from '../../../shared/sync-api';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { callbackAttempts, outbox, requests } from '../db/schema';
import { DeskError } from '../desk-error';
import { purgePersonalData, retireRequest, scrubWal } from '../retention/purge';
import { readRules, RETENTION_RULE_BY_REASON } from '../retention/rules';
import { addYearsToDate, berlinDate } from '../time/berlin';
import { germanDate } from '../time/german-date';
import { attemptHistory } from './attempt-history';
import { checkSlot, moveSlot, type Slot } from './reschedule';
import { checkRetry, readRetryRules } from './retry-rules';
import { isRestrictedHere, RESTRICTED_CLAIM } from '../officer/subject-rights-feed';

export interface Worker {
  userId: string;
  displayName: string;
  roles: readonly Role[];
  workstation: string;
}

export interface ActionContext {
  db: DeskDb;
  clock: Clock;
  worker: Worker;
}

type RequestRow = typeof requests.$inferSelect;
type OutboxType = RequestEvent['type'] | 'claim';

/** Returns the outbox sequence number of the queued event. */
function enqueue(ctx: ActionContext, requestId: string, type: OutboxType, data: object): number {
  return ctx.db
    .insert(outbox)
    .values({ eventId: randomUUID(), requestId, type, at: ctx.clock().toISOString(), data, status: 'pending' })
    .returning({ seq: outbox.seq })
    .get().seq;
}

function workableRequest(ctx: ActionContext, requestId: string): RequestRow {
  const row = ctx.db.select().from(requests).where(eq(requests.id, requestId)).get();
  if (!row) throw new DeskError('not_found', 'Der Vorgang ist nicht (mehr) vorhanden.');
  if (!kindsWorkableBy(ctx.worker.roles).includes(row.kind)) {
    throw new DeskError('forbidden', 'Diesen Vorgang dürfen Sie mit Ihrer Rolle nicht bearbeiten.');
  }
  return row;
}

/** The request must be claimed by this worker here, with its personal data present. */
function ownedRequest(ctx: ActionContext, requestId: string): RequestRow {
  const row = workableRequest(ctx, requestId);
  if (row.status === 'closed') throw new DeskError('conflict', 'Der Vorgang ist bereits abgeschlossen.');
  if (row.status === 'claim_pending') throw new DeskError('conflict', 'Die Übernahme ist noch nicht bestätigt. Bitte warten, bis das Backend erreichbar ist.');
  const mine = row.status === 'claimed' && row.ownerUserId === ctx.worker.userId && row.ownerWorkstation === ctx.worker.workstation;
  if (!mine) throw new DeskError('conflict', 'Bitte den Vorgang zuerst übernehmen.');
  return row;
}

function touch(ctx: ActionContext, id: string, values: Partial<RequestRow>): void {
  ctx.db.update(requests).set({ ...values, updatedAt: ctx.clock().toISOString() }).where(eq(requests.id, id)).run();
}

export function claimRequest(ctx: ActionContext, requestId: string): number {
  return ctx.db.transaction(() => {
    const row = workableRequest(ctx, requestId);
    if (row.status === 'closed') throw new DeskError('conflict', 'Der Vorgang ist bereits abgeschlossen.');
    if (isRestrictedHere(ctx.db, 'request', row.id)) throw new DeskError('conflict', RESTRICTED_CLAIM);
    const leaseLive = row.leaseUntil !== null && row.leaseUntil > ctx.clock().toISOString();
    if (row.status === 'claimed_elsewhere' && leaseLive) {
      throw new DeskError('conflict', `Der Vorgang wird bereits von ${row.ownerName ?? 'einer anderen Person'} bearbeitet.`);
    }
    // Claiming what we hold again renews the lease; the backend answers with the same data.
    if (row.status !== 'claimed') touch(ctx, row.id, { status: 'claim_pending' });
    return enqueue(ctx, row.id, 'claim', {});
  });
}

/** A call attempt; `rescheduled` needs the agreed slot, which becomes the request's new window. */
export function recordAttempt(ctx: ActionContext, requestId: string, disposition: Disposition, slot?: Slot): number {
  return ctx.db.transaction(() => {
    const row = ownedRequest(ctx, requestId);
    if (row.kind !== 'callback') throw new DeskError('invalid_input', 'Anrufversuche gibt es nur bei Rückrufen.');
    if ((disposition === 'rescheduled') !== (slot !== undefined)) throw new DeskError('invalid_input', 'Ein neuer Termin braucht Datum und Zeitfenster.');
    if (slot) checkSlot(ctx.clock, slot);
    const retry = checkRetry(attemptHistory(ctx.db, row), readRetryRules(ctx.db), ctx.clock());
    if (!retry.allowed) throw new DeskError('conflict', retry.reason ?? 'Kein weiterer Anrufversuch erlaubt.');
    const attemptNo = row.attempts + 1;
    ctx.db
      .insert(callbackAttempts)
      .values({ requestId, attemptNo, disposition, at: ctx.clock().toISOString(), byName: ctx.worker.displayName })
      .run();
    touch(ctx, requestId, { attempts: sql`${requests.attempts} + 1` as unknown as number });
    if (slot) {
      moveSlot(ctx.db, ctx.clock, requestId, slot);
      return enqueue(ctx, requestId, 'attempt', { disposition, preferredDate: slot.preferredDate, preferredWindow: slot.preferredWindow });
    }
    return enqueue(ctx, requestId, 'attempt', { disposition });
  });
}

export function forwardRequest(ctx: ActionContext, requestId: string, department: Department): number {
  return ctx.db.transaction(() => {
    const row = ownedRequest(ctx, requestId);
    if (row.kind === 'callback') throw new DeskError('invalid_input', 'Rückrufe werden nicht weitergeleitet.');
    touch(ctx, requestId, { forwardedTo: department });
    return enqueue(ctx, requestId, 'forward', { department });
  });
}

export function releaseRequest(ctx: ActionContext, requestId: string): number {
  const seq = ctx.db.transaction(() => {
    ownedRequest(ctx, requestId);
    purgePersonalData(ctx.db, ctx.clock, requestId, 'released', ctx.worker.userId);
    touch(ctx, requestId, { status: 'open', ownerUserId: null, ownerName: null, ownerWorkstation: null, leaseUntil: null });
    return enqueue(ctx, requestId, 'release', {});
  });
  scrubWal(ctx.db);
  return seq;
}

export function closeRequest(ctx: ActionContext, input: ChannelInput<'request.close'>): number {
  const seq = ctx.db.transaction(() => {
    const row = ownedRequest(ctx, input.requestId);
    // A message has no one to reach; "expired" is the retention sweep's outcome, not a person's.
    if (input.outcome === 'unreachable' && row.kind !== 'callback') throw new DeskError('invalid_input', '„Nicht erreicht“ gibt es nur bei Rückrufen.');
    if (input.outcome === 'expired') throw new DeskError('invalid_input', '„Abgelaufen“ setzt nur die automatische Löschung.');
    const retention = input.retention ?? null;
    const closedAt = ctx.clock().toISOString();
    if (retention) checkRetention(row, retention.reason, retention.until, berlinDate(ctx.clock()), readRules(ctx.db)[RETENTION_RULE_BY_REASON[retention.reason]]);
    touch(ctx, row.id, {
      status: 'closed',
      outcome: input.outcome,
      closedAt,
      retentionReason: retention?.reason ?? null,
      retainedUntil: retention?.until ?? null,
      // The note travels to the backend with the close; this workstation keeps only reason and until.
      retentionNote: null,
    });
    // Issue 16: the backend keeps a retained case (custodian until `until`); the copy here goes now,
    // with its receipt, and the entry stays listed with its retention facts.
    retireRequest(ctx.db, ctx.clock, row.id, row.kind === 'callback' ? 'callback_closed' : 'case_closed', { actor: ctx.worker.userId });
    return enqueue(ctx, row.id, 'close', {
      outcome: input.outcome,
      retention: retention ? { reason: retention.reason, until: retention.until, note: retention.note } : null,
    });
  });
  scrubWal(ctx.db);
  return seq;
}

/** DESIGN.md: callbacks are never kept; other cases at most as long as the rule in force (proof 3, customer care 1, statutory 10 years, or tighter). */
function checkRetention(row: RequestRow, reason: RetentionReason, until: string, today: string, years: number): void {
  if (row.kind === 'callback') throw new DeskError('invalid_input', 'Rückrufdaten dürfen nicht aufbewahrt werden.');
  if (until <= today) throw new DeskError('invalid_input', 'Das Aufbewahrungsende muss in der Zukunft liegen.');
  const limit = addYearsToDate(today, years);
  if (until > limit) {
    throw new DeskError('invalid_input', `Aufbewahrung (${RETENTION_REASON_DE[reason]}) höchstens ${years === 1 ? '1 Jahr' : `${years} Jahre`} nach Abschluss, also bis ${germanDate(limit)}.`);
  }
}

const RETENTION_REASON_DE: Record<RetentionReason, string> = { proof: 'Nachweis', customer_care: 'Kundenbetreuung', statutory: 'gesetzliche Frist' };

/** The retention sweep expired a callback this workstation owns: tell the backend it is closed. */
export function queueExpiryClose(ctx: Pick<ActionContext, 'db' | 'clock'>, requestId: string): void {
  ctx.db
    .insert(outbox)
    .values({
      eventId: randomUUID(),
      requestId,
      type: 'close',
      at: ctx.clock().toISOString(),
      data: { outcome: 'expired', retention: null },
      status: 'pending',
    })
    .run();
}
