import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, ClaimResponse, type FeedEvent } from '../../shared/sync-api';
import { inArray } from 'drizzle-orm';
import { claimKeys, holdings } from '../db/schema';
import { type Caller } from '../lifecycle/caller';
import { claimRequests, type ClaimCall } from '../lifecycle/claim';
import { type RunningBackend } from '../server';
import { admin, call, login, newEventId, pullAll, queuedOf, startTestBackend, TEST_DRIVERS, type TestClock } from '../test-support';

describe.each(TEST_DRIVERS)('%s', (driver) => {
  let backend: RunningBackend;
  let clock: TestClock;
  let ids: Record<'callback' | 'contact' | 'dpo' | 'equality', string[]>;

  beforeAll(async () => {
    ({ backend, clock } = await startTestBackend({ driver, leaseSeconds: 600 }));
    const { token } = await login(backend.url, 'supervisor');
    const queued = queuedOf((await pullAll(backend.url, token)).events);
    const of = (kind: string): string[] => queued.filter((e) => e.request.kind === kind).map((e) => e.request.id);
    ids = { callback: of('callback'), contact: of('contact'), dpo: of('dpo'), equality: of('equality') };
  });
  afterAll(() => backend.close());

  /** A request id of that kind nobody has touched in this file yet. */
  const fresh = (kind: keyof typeof ids): string => {
    const id = ids[kind].shift();
    if (!id) throw new Error(`no untouched ${kind} request left`);
    return id;
  };

  const claim = (token: string, id: string, eventId = newEventId()) => call(backend.url, 'POST', `/api/v1/requests/${id}/claim`, token, { eventId });

  async function claimsInFeed(requestId: string): Promise<FeedEvent[]> {
    const { token } = await login(backend.url, 'supervisor');
    return (await pullAll(backend.url, token)).events.filter((e) => e.type === 'request.claimed' && e.requestId === requestId);
  }

  describe('POST /api/v1/requests/{id}/claim', () => {
    it('answers with the personal data of a callback, valid per ClaimResponse', async () => {
      const agent = await login(backend.url, 'agent');
      const id = fresh('callback');
      const answer = await claim(agent.token, id);
      expect(answer.status).toBe(200);
      const body = ClaimResponse.parse(answer.body);
      expect(body.request.id).toBe(id);
      expect(body.request.kind).toBe('callback');
      if (body.request.kind !== 'callback') throw new Error('kind');
      expect(body.request.payload.phone).toMatch(/^(\+49 |0)\d/);
      expect(Date.parse(body.leaseUntil) - clock.ms).toBe(600_000);
    });

    it('answers with name, e-mail and message for contact, dpo and equality requests', async () => {
      const cases = [
        ['agent', fresh('contact')],
        ['dpo', fresh('dpo')],
        ['equality', fresh('equality')],
      ] as const;
      for (const [user, id] of cases) {
        const { token } = await login(backend.url, user);
        const body = ClaimResponse.parse((await claim(token, id)).body);
        if (body.request.kind === 'callback') throw new Error('kind');
        expect(body.request.payload.email).toContain('@');
        expect(body.request.payload.message.length).toBeGreaterThan(20);
      }
    });

    it('refuses kinds the roles do not cover with 403, and supervisors everything', async () => {
      const agent = await login(backend.url, 'agent');
      const dpo = await login(backend.url, 'dpo');
      const supervisor = await login(backend.url, 'supervisor');
      for (const [token, id] of [
        [agent.token, fresh('dpo')],
        [agent.token, fresh('equality')],
        [dpo.token, fresh('callback')],
        [supervisor.token, fresh('callback')],
        [supervisor.token, fresh('contact')],
        [supervisor.token, fresh('dpo')],
      ] as const) {
        const answer = await claim(token, id);
        expect(answer.status).toBe(403);
        expect(ApiError.parse(answer.body).error).toBe('forbidden');
        expect(JSON.stringify(answer.body)).not.toContain('payload');
      }
    });

    it('answers 409 already_claimed with claimedBy while another user holds the lease', async () => {
      const anna = await login(backend.url, 'agent');
      const ben = await login(backend.url, 'agent2');
      const id = fresh('callback');
      expect((await claim(anna.token, id)).status).toBe(200);
      const answer = await claim(ben.token, id);
      expect(answer.status).toBe(409);
      expect(ApiError.parse(answer.body)).toMatchObject({ error: 'already_claimed', claimedBy: { userId: 'agent', displayName: 'Anna Agentin' } });
    });

    it('treats the same user on another workstation as someone else', async () => {
      const desk = await login(backend.url, 'agent');
      const laptop = await login(backend.url, 'agent');
      const id = fresh('contact');
      expect((await claim(desk.token, id)).status).toBe(200);
      const answer = await claim(laptop.token, id);
      expect(answer.status).toBe(409);
      expect(ApiError.parse(answer.body).claimedBy?.userId).toBe('agent');
    });

    it('returns the same answer for the same eventId, without a second feed event', async () => {
      const agent = await login(backend.url, 'agent');
      const id = fresh('callback');
      const eventId = newEventId();
      const first = await claim(agent.token, id, eventId);
      clock.advance(30);
      const again = await claim(agent.token, id, eventId);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(await claimsInFeed(id)).toHaveLength(1);
    });

    it('refuses an eventId reused for another request', async () => {
      const agent = await login(backend.url, 'agent');
      const eventId = newEventId();
      expect((await claim(agent.token, fresh('callback'), eventId)).status).toBe(200);
      const reused = await claim(agent.token, fresh('callback'), eventId);
      expect(reused.status).toBe(400);
      expect(ApiError.parse(reused.body).error).toBe('invalid_request');
    });

    it('renews the lease when the holder claims again with a new eventId', async () => {
      const agent = await login(backend.url, 'agent');
      const id = fresh('callback');
      const first = ClaimResponse.parse((await claim(agent.token, id)).body);
      clock.advance(300);
      const renewed = ClaimResponse.parse((await claim(agent.token, id)).body);
      expect(Date.parse(renewed.leaseUntil) - Date.parse(first.leaseUntil)).toBe(300_000);
      const events = await claimsInFeed(id);
      expect(events.map((e) => (e.type === 'request.claimed' ? e.leaseUntil : ''))).toEqual([first.leaseUntil, renewed.leaseUntil]);
    });

    it('decides claims that arrive together (one batch) as if they came one after another', async () => {
      const anna = await login(backend.url, 'agent');
      const ben = await login(backend.url, 'agent2');
      const a: Caller = { user: anna.session.user, workstation: anna.workstation };
      const b: Caller = { user: ben.session.user, workstation: ben.workstation };
      const [contested, second, renewed, dpoCase] = [fresh('callback'), fresh('callback'), fresh('callback'), fresh('dpo')];
      const [annaKey, benKey, renewKey] = [newEventId(), newEventId(), newEventId()];
      const now = new Date(clock.ms);
      const at = (caller: Caller, requestId: string, eventId = newEventId()): ClaimCall => ({ requestId, caller, eventId, now, leaseMs: 600_000 });
      const outcomes = await claimRequests(backend.database.db, [
        at(a, contested, annaKey),
        at(b, contested),
        at(a, contested, annaKey), // a retry within the batch: the same answer
        at(b, second, annaKey), // Anna's key for Ben's claim
        at(a, second),
        at(a, randomUUID()),
        at(a, dpoCase),
        at(b, renewed, benKey),
        at(b, renewed, renewKey), // Ben again: his lease renewed
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['claimed', 'already_claimed', 'claimed', 'key_reused', 'claimed', 'not_found', 'forbidden', 'claimed', 'claimed']);
      expect(outcomes[1]).toMatchObject({ by: { userId: 'agent' } });
      expect(outcomes[2]).toEqual(outcomes[0]);
      // What the batch wrote: one feed event per lease given, in the batch's order, and the rows.
      expect(await claimsInFeed(contested)).toHaveLength(1);
      expect((await claimsInFeed(second)).map((e) => e.type === 'request.claimed' && e.by.userId)).toEqual(['agent']);
      expect(await claimsInFeed(renewed)).toHaveLength(2);
      const held = (await backend.database.db.select().from(holdings).where(inArray(holdings.requestId, [contested, second, renewed]))).map((h) => `${h.requestId}/${h.workstation}`);
      expect(held.sort()).toEqual([`${contested}/${a.workstation}`, `${second}/${a.workstation}`, `${renewed}/${b.workstation}`].sort());
      const keys = await backend.database.db.select().from(claimKeys).where(inArray(claimKeys.eventId, [annaKey, benKey, renewKey]));
      expect(keys.map((k) => `${k.eventId}:${k.requestId}`).sort()).toEqual([`${annaKey}:${contested}`, `${benKey}:${renewed}`, `${renewKey}:${renewed}`].sort());
      // The same through HTTP: the batch left Anna holding the contested request.
      const answer = await claim(ben.token, contested);
      expect(ApiError.parse(answer.body)).toMatchObject({ error: 'already_claimed', claimedBy: { userId: 'agent' } });
    });

    it('gives a request claimed by many at the same moment to exactly one of them', async () => {
      const agents = await Promise.all(Array.from({ length: 12 }, (_, i) => login(backend.url, i % 2 ? 'agent2' : 'agent')));
      const id = fresh('callback');
      const answers = await Promise.all(agents.map((agent) => claim(agent.token, id)));
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
      expect(answers.filter((a) => a.status === 409)).toHaveLength(11);
      expect(await claimsInFeed(id)).toHaveLength(1);
    });

    it('lets another user take over an expired lease', async () => {
      const anna = await login(backend.url, 'agent');
      const ben = await login(backend.url, 'agent2');
      const id = fresh('callback');
      expect((await claim(anna.token, id)).status).toBe(200);
      clock.advance(599);
      expect((await claim(ben.token, id)).status).toBe(409);
      clock.advance(1);
      const takeover = await claim(ben.token, id);
      expect(takeover.status).toBe(200);
      expect(ClaimResponse.parse(takeover.body).request.id).toBe(id);
      const annaAgain = await claim(anna.token, id);
      expect(ApiError.parse(annaAgain.body).claimedBy).toEqual({ userId: 'agent2', displayName: 'Ben Berater' });
    });

    it('answers 404 for an unknown request and 400 for a body without eventId', async () => {
      const agent = await login(backend.url, 'agent');
      const unknown = await claim(agent.token, randomUUID());
      expect(unknown.status).toBe(404);
      expect(ApiError.parse(unknown.body).error).toBe('not_found');
      const noEventId = await call(backend.url, 'POST', `/api/v1/requests/${fresh('callback')}/claim`, agent.token, {});
      expect(noEventId.status).toBe(400);
      expect(ApiError.parse(noEventId.body).error).toBe('invalid_request');
      const notUuid = await call(backend.url, 'POST', '/api/v1/requests/42/claim', agent.token, { eventId: newEventId() });
      expect(notUuid.status).toBe(404);
    });

    it('erases a request on the admin endpoint: request.erased in the feed, no more claims', async () => {
      const agent = await login(backend.url, 'agent');
      const { cursor } = await pullAll(backend.url, agent.token);
      const id = fresh('contact');
      expect((await claim(agent.token, id)).status).toBe(200);
      const erase = await admin(backend, 'POST', `/__admin/requests/${id}/erase`, { reason: 'Löschersuchen nach Art. 17 DSGVO' });
      expect(erase.status).toBe(200);
      expect(erase.body).toEqual({ status: 'erased' });
      const again = await admin(backend, 'POST', `/__admin/requests/${id}/erase`);
      expect(again.body).toEqual({ status: 'already_erased' });
      const { events } = await pullAll(backend.url, agent.token, 100, cursor);
      expect(events.map((e) => e.type)).toEqual(['request.claimed', 'request.erased']);
      expect(events[1]).toMatchObject({ requestId: id, reason: 'Löschersuchen nach Art. 17 DSGVO' });
      const claimAfter = await claim(agent.token, id);
      expect(claimAfter.status).toBe(404);
      expect((await admin(backend, 'POST', `/__admin/requests/${randomUUID()}/erase`)).status).toBe(404);
    });
  });
});
