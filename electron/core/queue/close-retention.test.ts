// Closing a message case with retention: the limit is the rule in force, tightened or not. Since
// issue 16 the backend keeps the case (with the note, sent in the close); the copy here goes at
// once with its receipt, and the entry stays with reason and until.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outbox, personalData, receipts, requests } from '../db/schema';
import { changeRule } from '../retention/rules';
import { applyFeedEvent } from '../sync/feed-apply';
import { fixedClock, tempDatabase } from '../test-support/fixtures';
import { closeRequest, type ActionContext } from './request-actions';

function claimedContact() {
  const { db } = tempDatabase();
  const clock = fixedClock('2026-11-27T10:00:00Z');
  const worker = { userId: 'agent', displayName: 'Anna Agentin', roles: ['agent'] as const, workstation: randomUUID() };
  const id = randomUUID();
  applyFeedEvent(
    { db, clock, ...worker },
    { id: randomUUID(), type: 'request.queued', at: clock().toISOString(), request: { id, kind: 'contact', receivedAt: clock().toISOString(), summary: { category: 'billing' } } },
  );
  db.update(requests).set({ status: 'claimed', ownerUserId: worker.userId, ownerWorkstation: worker.workstation }).where(eq(requests.id, id)).run();
  db.insert(personalData).values({ requestId: id, salutation: null, name: 'Erika Muster', email: 'erika@example.de', subject: 'Abschlag', message: 'Bitte prüfen', claimedAt: clock().toISOString() }).run();
  const ctx: ActionContext = { db, clock, worker };
  return { db, clock, ctx, id };
}

describe('close with retention', () => {
  it('allows proof up to three years by default and refuses a day more', () => {
    const { ctx, id } = claimedContact();
    expect(() => closeRequest(ctx, { requestId: id, outcome: 'resolved', retention: { reason: 'proof', until: '2029-11-28', note: 'Beschwerde' } })).toThrow(
      /höchstens 3 Jahre nach Abschluss, also bis 27.11.2029\./,
    );
    closeRequest(ctx, { requestId: id, outcome: 'resolved', retention: { reason: 'proof', until: '2029-11-27', note: 'Beschwerde' } });
    expect(ctx.db.select().from(requests).where(eq(requests.id, id)).get()).toMatchObject({ status: 'closed', retentionReason: 'proof', retainedUntil: '2029-11-27' });
  });

  it('sends reason, until and note to the backend, purges the copy here with its receipt, and keeps the entry with reason and until', () => {
    const { db, ctx, id } = claimedContact();
    closeRequest(ctx, { requestId: id, outcome: 'resolved', retention: { reason: 'customer_care', until: '2027-05-31', note: 'Ratenplan vereinbart' } });
    const sent = db.select().from(outbox).where(eq(outbox.requestId, id)).all();
    expect(sent.map((e) => [e.type, e.data])).toEqual([['close', { outcome: 'resolved', retention: { reason: 'customer_care', until: '2027-05-31', note: 'Ratenplan vereinbart' } }]]);
    expect(db.select().from(personalData).where(eq(personalData.requestId, id)).get()).toBeUndefined();
    expect(db.select({ rule: receipts.rule }).from(receipts).where(eq(receipts.requestId, id)).all()).toEqual([{ rule: 'case_closed' }]);
    expect(db.select().from(requests).where(eq(requests.id, id)).get()).toMatchObject({ retentionReason: 'customer_care', retainedUntil: '2027-05-31', retentionNote: null });
  });

  it('a supervisor’s tightened rule is the limit for new retentions', () => {
    const { db, clock, ctx, id } = claimedContact();
    changeRule(db, clock, { userId: 'sup', displayName: 'Sina Schichtleitung' }, 'retention_proof', 1);
    expect(() => closeRequest(ctx, { requestId: id, outcome: 'resolved', retention: { reason: 'proof', until: '2027-11-28', note: 'Beschwerde' } })).toThrow(
      /höchstens 1 Jahr nach Abschluss/,
    );
    expect(db.select().from(requests).where(eq(requests.id, id)).get()?.status).toBe('claimed');
  });
});
