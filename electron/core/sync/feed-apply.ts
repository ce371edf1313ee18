// Applies one validated feed event to the local database. Every branch is idempotent by
// request id (the feed is at-least-once), stores only what the user's roles may see, and never
// brings back what this workstation purged.
import { moveSlot } from '../queue/reschedule';
import { eq, sql } from 'drizzle-orm';
import { kindsVisibleTo, maySeeSms, type Role } from '../../../shared/domain';
import type { FeedEvent } from '../../../shared/sync-api';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { auditAlerts, callbackAttempts, requests } from '../db/schema';
import { purgePersonalData, retireRequest, isTombstoned } from '../retention/purge';
import { recordRemoteReceipt } from '../retention/remote-receipts';
import { applyBackendHold } from '../retention/backend-holds';
import { applyRulesInForce } from '../retention/backend-rules';
import { applyBackendDisclosure } from '../officer/backend-disclosures';
import { applySubjectUpdate } from '../officer/subject-feed';
import { applyLogErasure } from '../retention/log-erasure';
import { applyRectified, applyRestriction } from '../officer/subject-rights-feed';
import { berlinInstant } from '../time/berlin';
import { storedIp } from '../sms/ip-key';
import { feedStatements } from './feed-statements';

export interface FeedContext {
  db: DeskDb;
  clock: Clock;
  userId: string;
  displayName: string;
  workstation: string;
  roles: readonly Role[];
}

export type ApplyOutcome = 'applied' | 'ignored';

export function applyFeedEvent(ctx: FeedContext, event: FeedEvent): ApplyOutcome {
  switch (event.type) {
    case 'request.queued':
      return applyQueued(ctx, event);
    case 'request.claimed':
      return withEntry(ctx, event.requestId, (row) => {
        // Claimed at this workstation, also by a user who has since switched away: the data stays
        // here for them (login.ts); only a claim elsewhere takes it off this workstation.
        const here = event.workstation === ctx.workstation;
        const mine = here && event.by.userId === ctx.userId;
        if (!here) purgePersonalData(ctx.db, ctx.clock, row.id, 'claimed_elsewhere');
        update(ctx, row.id, {
          status: mine && row.status === 'claim_pending' ? 'claim_pending' : here ? 'claimed' : 'claimed_elsewhere',
          ownerUserId: event.by.userId,
          ownerName: event.by.displayName,
          ownerWorkstation: event.workstation,
          leaseUntil: event.leaseUntil,
        });
      });
    case 'request.released':
      return withEntry(ctx, event.requestId, (row) => {
        purgePersonalData(ctx.db, ctx.clock, row.id, 'released');
        update(ctx, row.id, { status: 'open', ownerUserId: null, ownerName: null, ownerWorkstation: null, leaseUntil: null });
      });
    case 'request.attempted':
      return withEntry(ctx, event.requestId, (row) => {
        ctx.db
          .insert(callbackAttempts)
          .values({ requestId: row.id, attemptNo: event.attemptNo, disposition: event.disposition, at: event.at, byName: event.by.displayName })
          .onConflictDoNothing()
          .run();
        update(ctx, row.id, {
          attempts: sql`(SELECT count(*) FROM callback_attempts WHERE request_id = ${row.id})`,
        });
        // SYNC_API 1.1: a rescheduled callback moves to its new slot on every workstation.
        if (event.rescheduledTo) moveSlot(ctx.db, ctx.clock, row.id, event.rescheduledTo);
      });
    case 'request.forwarded':
      return withEntry(ctx, event.requestId, (row) => update(ctx, row.id, { forwardedTo: event.department }));
    case 'request.closed':
      return withEntry(ctx, event.requestId, (row) => {
        update(ctx, row.id, {
          status: 'closed',
          closedAt: row.closedAt ?? event.at,
          outcome: event.outcome,
          retainedUntil: event.retainedUntil,
          // Issue 16: the reason travels too (a 1.0 backend omits it: keep what we know).
          retentionReason: event.retainedUntil === null ? null : (event.retentionReason ?? row.retentionReason),
        });
        if (event.retainedUntil === null) retireRequest(ctx.db, ctx.clock, row.id, row.kind === 'callback' ? 'callback_closed' : 'case_closed');
      });
    case 'request.erased':
      return withEntry(ctx, event.requestId, (row) => {
        retireRequest(ctx.db, ctx.clock, row.id, 'erased', { dropEntry: true });
      });
    case 'sms.logged':
      return applySms(ctx, event.sms);
    case 'portal.logged':
      return applyPortalAccess(ctx, event.access);
    case 'sms.erased':
    case 'portal.erased':
      // Issue 17: a Löschung took these records at the backend before their 90 days.
      return applyLogErasure(ctx.db, ctx.clock, ctx.roles, event);
    case 'audit.refused':
      // Supervisors see a workstation whose audit chain no longer extends what it proved before.
      if (!ctx.roles.includes('supervisor')) return 'ignored';
      ctx.db
        .insert(auditAlerts)
        .values({ eventId: event.id, workstation: event.workstation, at: event.at, expectedSeq: event.expected?.seq ?? null, offeredSeq: event.offered.seq })
        .onConflictDoNothing()
        .run();
      return 'applied';
    case 'hold.updated':
      if (!maySeeSms(ctx.roles)) return 'ignored';
      applyBackendHold(ctx.db, event.hold, event.at);
      return 'applied';
    case 'disclosure.updated':
      // Issue 16: the register and its decisions, on every workstation of dpo and supervisors.
      if (!maySeeSms(ctx.roles)) return 'ignored';
      applyBackendDisclosure(ctx.db, event.disclosure);
      return 'applied';
    case 'receipt.recorded':
      // Receipts from all workstations feed the supervisors' deletion view (issue 4).
      return recordRemoteReceipt(ctx.db, event.receipt);
    case 'rules.updated':
      // Issue 16: the service center's rules in force; the sweep after this pull applies a tightening.
      return applyRulesInForce(ctx.db, ctx.clock, event.rules).applied ? 'applied' : 'ignored';
    case 'subject.updated':
      // Issue 17: a dpo case marked as a data subject's request, with its deadline and extension.
      return applySubjectUpdate(ctx.db, ctx.roles, event.subject);
    case 'request.rectified':
      // Issue 17 part 5: values come only to the workstation holding the claim, and apply only to a local copy.
      return applyRectified(ctx.db, ctx.clock, event);
    case 'restriction.updated':
      return applyRestriction(ctx.db, ctx.clock, event);
  }
}

type RequestRow = typeof requests.$inferSelect;

function withEntry(ctx: FeedContext, requestId: string, apply: (row: RequestRow) => void): ApplyOutcome {
  const row = ctx.db.select().from(requests).where(eq(requests.id, requestId)).get();
  if (!row || isTombstoned(ctx.db, requestId)) return 'ignored';
  apply(row);
  return 'applied';
}

function update(ctx: FeedContext, id: string, values: Partial<Record<keyof RequestRow, unknown>>): void {
  ctx.db
    .update(requests)
    .set({ ...(values as Partial<RequestRow>), updatedAt: ctx.clock().toISOString() })
    .where(eq(requests.id, id))
    .run();
}

function applyQueued(ctx: FeedContext, event: Extract<FeedEvent, { type: 'request.queued' }>): ApplyOutcome {
  const entry = event.request;
  if (!kindsVisibleTo(ctx.roles).includes(entry.kind)) return 'ignored';
  const statements = feedStatements(ctx.db);
  if (statements.tombstoned.value({ id: entry.id }) !== undefined) return 'ignored';
  const callback = entry.kind === 'callback' ? entry.summary : null;
  const inserted = statements.insertRequest.run({
    id: entry.id,
    kind: entry.kind,
    receivedAt: entry.receivedAt,
    topic: callback ? callback.topic : (entry.summary as { category: string }).category,
    preferredDate: callback?.preferredDate ?? null,
    windowFrom: callback?.preferredWindow.from ?? null,
    windowTo: callback?.preferredWindow.to ?? null,
    dueFrom: callback ? berlinInstant(callback.preferredDate, callback.preferredWindow.from) : null,
    dueUntil: callback ? berlinInstant(callback.preferredDate, callback.preferredWindow.to) : null,
    reference: entry.reference ?? null,
    updatedAt: ctx.clock().toISOString(),
  });
  return inserted.changes > 0 ? 'applied' : 'ignored';
}

function applyPortalAccess(ctx: FeedContext, access: Extract<FeedEvent, { type: 'portal.logged' }>['access']): ApplyOutcome {
  if (!maySeeSms(ctx.roles)) return 'ignored';
  const statements = feedStatements(ctx.db);
  // Like the SMS log: what the 90-day purge removed must not come back.
  const purgedBefore = statements.portalPurgedBefore.value() as string | null | undefined;
  if (purgedBefore && Date.parse(access.at) < Date.parse(purgedBefore)) return 'ignored';
  const inserted = statements.insertPortal.run({ id: access.id, customerNumber: access.customerNumber, at: access.at, action: access.action, ...storedIp(access.ip) });
  return inserted.changes > 0 ? 'applied' : 'ignored';
}

function applySms(ctx: FeedContext, sms: Extract<FeedEvent, { type: 'sms.logged' }>['sms']): ApplyOutcome {
  if (!maySeeSms(ctx.roles)) return 'ignored';
  const statements = feedStatements(ctx.db);
  // Records older than what the 90-day purge already removed must not come back.
  const purgedBefore = statements.smsPurgedBefore.value() as string | null | undefined;
  if (purgedBefore && Date.parse(sms.sentAt) < Date.parse(purgedBefore)) return 'ignored';
  const inserted = statements.insertSms.run({ id: sms.id, customerNumber: sms.customerNumber, sentAt: sms.sentAt, ...storedIp(sms.ip) });
  return inserted.changes > 0 ? 'applied' : 'ignored';
}

