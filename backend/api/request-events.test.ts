import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type FeedEvent, RequestEventResponse } from '../../shared/sync-api';
import { eq } from 'drizzle-orm';
import { requests } from '../db/schema';
import { type RunningBackend } from '../server';
import { call, login, newEventId, pullAll, queuedOf, startTestBackend, TEST_DRIVERS, type TestClock } from '../test-support';

describe.each(TEST_DRIVERS)('%s', (driver) => {
  let backend: RunningBackend;
  let clock: TestClock;
  let ids: Record<'callback' | 'contact' | 'dpo', string[]>;

  beforeAll(async () => {
    ({ backend, clock } = await startTestBackend({ driver }));
    const { token } = await login(backend.url, 'supervisor');
    const queued = queuedOf((await pullAll(backend.url, token)).events);
    const of = (kind: string): string[] => queued.filter((e) => e.request.kind === kind).map((e) => e.request.id);
    ids = { callback: of('callback'), contact: of('contact'), dpo: of('dpo') };
  });
  afterAll(() => backend.close());

  const fresh = (kind: keyof typeof ids): string => {
    const id = ids[kind].shift();
    if (!id) throw new Error(`no untouched ${kind} request left`);
    return id;
  };

  const at = (): string => new Date(clock.ms).toISOString();
  const claim = (token: string, id: string) => call(backend.url, 'POST', `/api/v1/requests/${id}/claim`, token, { eventId: newEventId() });
  const send = (token: string, id: string, body: unknown) => call(backend.url, 'POST', `/api/v1/requests/${id}/events`, token, body);
  const attempt = (disposition: string, eventId = newEventId()) => ({ eventId, type: 'attempt', at: at(), data: { disposition } });
  const close = (outcome: string, retention: unknown = null) => ({ eventId: newEventId(), type: 'close', at: at(), data: { outcome, retention } });

  async function changesOf(id: string): Promise<FeedEvent[]> {
    const { token } = await login(backend.url, 'supervisor');
    return (await pullAll(backend.url, token)).events.filter((e) => e.type !== 'request.queued' && e.type !== 'sms.logged' && 'requestId' in e && e.requestId === id);
  }

  async function claimed(user: string, kind: keyof typeof ids): Promise<{ token: string; id: string; workstation: string }> {
    const session = await login(backend.url, user);
    const id = fresh(kind);
    expect((await claim(session.token, id)).status).toBe(200);
    return { token: session.token, id, workstation: session.workstation };
  }

  const errorOf = (body: unknown): string => ApiError.parse(body).error;

  describe('POST /api/v1/requests/{id}/events', () => {
    it('reschedules a callback (SYNC_API 1.1): the new slot in the feed and at the backend, refused outside the form`s rules', async () => {
      const { token, id } = await claimed('agent', 'callback');
      // T0 is Tuesday, 24 November 2026.
      const slot = { preferredDate: '2026-11-27', preferredWindow: { from: '14:00', to: '16:30' } };
      const ok = await send(token, id, { eventId: newEventId(), type: 'attempt', at: at(), data: { disposition: 'rescheduled', ...slot } });
      expect(ok.status).toBe(200);
      const [attempted] = (await changesOf(id)).filter((e) => e.type === 'request.attempted');
      expect(attempted).toMatchObject({ disposition: 'rescheduled', rescheduledTo: slot });
      const [row] = await backend.database.db.select().from(requests).where(eq(requests.id, id));
      expect(row).toMatchObject({ preferredDate: '2026-11-27', windowFrom: '14:00', windowTo: '16:30' });
      for (const bad of [
        { preferredDate: '2026-11-28', preferredWindow: { from: '14:00', to: '16:00' } },
        { preferredDate: '2027-01-04', preferredWindow: { from: '14:00', to: '16:00' } },
        { preferredDate: '2026-11-27', preferredWindow: { from: '17:00', to: '19:00' } },
      ]) {
        const refused = await send(token, id, { eventId: newEventId(), type: 'attempt', at: at(), data: { disposition: 'rescheduled', ...bad } });
        expect(refused.status, JSON.stringify(bad)).toBe(422);
      }
    });

    it('records call attempts with a server-side attempt number', async () => {
      const { token, id } = await claimed('agent', 'callback');
      for (const disposition of ['no_answer', 'busy', 'reached']) {
        const answer = await send(token, id, attempt(disposition));
        expect(answer.status).toBe(200);
        expect(RequestEventResponse.parse(answer.body)).toEqual({ status: 'accepted' });
      }
      const attempts = (await changesOf(id)).filter((e) => e.type === 'request.attempted');
      expect(attempts.map((e) => (e.type === 'request.attempted' ? [e.attemptNo, e.disposition, e.by.userId] : []))).toEqual([
        [1, 'no_answer', 'agent'],
        [2, 'busy', 'agent'],
        [3, 'reached', 'agent'],
      ]);
    });

    it('answers duplicate for an eventId seen before and records it once', async () => {
      const { token, id } = await claimed('agent', 'callback');
      const event = attempt('voicemail');
      expect((await send(token, id, event)).body).toEqual({ status: 'accepted' });
      expect((await send(token, id, event)).body).toEqual({ status: 'duplicate' });
      const release = { eventId: newEventId(), type: 'release', at: at(), data: {} };
      expect((await send(token, id, release)).body).toEqual({ status: 'accepted' });
      // A retry after a lost answer: no longer the owner, still a duplicate, not an error.
      expect((await send(token, id, release)).body).toEqual({ status: 'duplicate' });
      expect((await changesOf(id)).map((e) => e.type)).toEqual(['request.claimed', 'request.attempted', 'request.released']);
    });

    it('answers 409 not_owner to anyone but the holder, including the holder on another workstation', async () => {
      const { id } = await claimed('agent', 'callback');
      const colleague = await login(backend.url, 'agent2');
      const sameUserElsewhere = await login(backend.url, 'agent');
      for (const token of [colleague.token, sameUserElsewhere.token]) {
        const answer = await send(token, id, attempt('busy'));
        expect(answer.status).toBe(409);
        expect(errorOf(answer.body)).toBe('not_owner');
      }
    });

    it('answers 403 when the roles do not cover the kind', async () => {
      const { id } = await claimed('dpo', 'dpo');
      const agent = await login(backend.url, 'agent');
      const answer = await send(agent.token, id, { eventId: newEventId(), type: 'forward', at: at(), data: { department: 'other' } });
      expect(answer.status).toBe(403);
    });

    it('answers 422 invalid_event to bodies that break the schema', async () => {
      const { token, id } = await claimed('agent', 'callback');
      const broken = [
        {},
        { eventId: 'x', type: 'attempt', at: at(), data: { disposition: 'busy' } },
        { eventId: newEventId(), type: 'attempt', at: at(), data: { disposition: 'maybe' } },
        { eventId: newEventId(), type: 'teleport', at: at(), data: {} },
        { eventId: newEventId(), type: 'close', at: 'yesterday', data: { outcome: 'resolved', retention: null } },
      ];
      for (const body of broken) {
        const answer = await send(token, id, body);
        expect(answer.status).toBe(422);
        expect(errorOf(answer.body)).toBe('invalid_event');
      }
    });

    it('answers 422 invalid_event to events that make no sense for the request', async () => {
      const callback = await claimed('agent', 'callback');
      const contact = await claimed('agent', 'contact');
      const unclaimed = fresh('callback');
      const today = at().slice(0, 10);
      const nonsense: [string, string, unknown][] = [
        [contact.token, contact.id, attempt('reached')],
        [callback.token, callback.id, { eventId: newEventId(), type: 'forward', at: at(), data: { department: 'billing' } }],
        [callback.token, callback.id, close('resolved', { reason: 'proof', until: today })],
        [contact.token, contact.id, close('resolved', { reason: 'customer_care', until: '2029-01-01' })],
        [contact.token, contact.id, close('resolved', { reason: 'proof', until: '2020-01-01' })],
        [callback.token, unclaimed, attempt('busy')],
      ];
      for (const [token, id, body] of nonsense) {
        const answer = await send(token, id, body);
        expect(answer.status, JSON.stringify(body)).toBe(422);
        expect(errorOf(answer.body)).toBe('invalid_event');
      }
      expect(await changesOf(unclaimed)).toEqual([]);
    });

    it('forwards a contact request and closes it with its retention date', async () => {
      const { token, id } = await claimed('agent', 'contact');
      expect((await send(token, id, { eventId: newEventId(), type: 'forward', at: at(), data: { department: 'billing' } })).status).toBe(200);
      expect((await send(token, id, close('resolved', { reason: 'proof', until: '2027-06-30' }))).status).toBe(200);
      const changes = await changesOf(id);
      expect(changes.map((e) => e.type)).toEqual(['request.claimed', 'request.forwarded', 'request.closed']);
      expect(changes[1]).toMatchObject({ department: 'billing' });
      expect(changes[2]).toMatchObject({ outcome: 'resolved', retainedUntil: '2027-06-30' });
      // Closed: no more events, no more claims.
      const closeAgain = await send(token, id, close('resolved'));
      expect(closeAgain.status).toBe(422);
      expect((await claim(token, id)).status).toBe(404);
    });

    it('closes a request to delete the online access as access_deleted, and no other request so (issue 15)', async () => {
      const form = { salutation: null, name: 'Kim Portal', email: 'kim@example.org', category: 'online_access', subject: 'Zugang löschen', message: 'Bitte meinen Online-Zugang löschen.', consent: { noticeVersion: '2026-11', at: new Date(clock.ms - 60_000).toISOString() } };
      const sent = await call(backend.url, 'POST', '/api/v1/intake/contact', undefined, form);
      expect(sent.status).toBe(201);
      const id = (sent.body as { id: string }).id;
      const agent = await login(backend.url, 'agent');
      expect((await claim(agent.token, id)).status).toBe(200);
      expect((await send(agent.token, id, close('access_deleted'))).status).toBe(200);
      expect(await changesOf(id)).toContainEqual(expect.objectContaining({ type: 'request.closed', outcome: 'access_deleted' }));

      const other = await claimed('agent', 'contact');
      const refused = await send(other.token, other.id, close('access_deleted'));
      expect(refused.status).toBe(422);
      expect(ApiError.parse(refused.body).detail).toMatch(/online_access/);
    });

    it('closes a callback with retainedUntil null', async () => {
      const { token, id } = await claimed('agent', 'callback');
      await send(token, id, attempt('reached'));
      expect((await send(token, id, close('resolved'))).status).toBe(200);
      expect((await changesOf(id)).at(-1)).toMatchObject({ type: 'request.closed', outcome: 'resolved', retainedUntil: null });
    });

    it('puts a released request back in the queue for others', async () => {
      const { token, id } = await claimed('agent', 'callback');
      expect((await send(token, id, { eventId: newEventId(), type: 'release', at: at(), data: {} })).status).toBe(200);
      const colleague = await login(backend.url, 'agent2');
      expect((await claim(colleague.token, id)).status).toBe(200);
      const late = await send(token, id, attempt('busy'));
      expect(late.status).toBe(409);
    });

    it('accepts events from the holder of an expired lease until someone takes it over', async () => {
      const { token, id } = await claimed('agent', 'callback');
      clock.advance(16 * 60);
      expect((await send(token, id, attempt('no_answer'))).status).toBe(200);
      const colleague = await login(backend.url, 'agent2');
      expect((await claim(colleague.token, id)).status).toBe(200);
      expect((await send(token, id, attempt('no_answer'))).status).toBe(409);
    });

    it('dates an event at the client time, never later than the server clock, within the documented tolerance', async () => {
      const { token, id } = await claimed('agent', 'callback');
      const earlier = new Date(clock.ms - 120_000).toISOString();
      const busy = (at: string) => ({ eventId: newEventId(), type: 'attempt', at, data: { disposition: 'busy' } });
      expect((await send(token, id, busy(earlier))).status).toBe(200);
      // A clock a few minutes fast is accepted and dated at the server's time.
      expect((await send(token, id, busy(new Date(clock.ms + 4 * 60_000).toISOString()))).status).toBe(200);
      // Backdated by more than a day, dated into the future, or before the request arrived: refused.
      for (const at of [new Date(clock.ms - 25 * 3_600_000).toISOString(), new Date(clock.ms + 6 * 60_000).toISOString(), '2099-01-01T00:00:00Z', '2020-01-01T00:00:00Z']) {
        const refused = await send(token, id, busy(at));
        expect(refused.status, at).toBe(422);
        expect(ApiError.parse(refused.body).error).toBe('invalid_event');
      }
      const attempts = (await changesOf(id)).filter((e) => e.type === 'request.attempted');
      expect(attempts.map((e) => e.at)).toEqual([earlier.slice(0, 19) + 'Z', new Date(clock.ms).toISOString().slice(0, 19) + 'Z']);
    });

    it('releases a lease that ran out by itself (periodic work): request.released, and the holder is no longer the owner', async () => {
      const { token, id } = await claimed('agent', 'callback');
      clock.advance(15 * 60 + 1);
      const summary = await backend.runPeriodicWork();
      expect(summary.released).toBeGreaterThanOrEqual(1);
      expect((await changesOf(id)).map((e) => e.type).slice(-1)).toEqual(['request.released']);
      const late = await send(token, id, attempt('no_answer'));
      expect(late.status).toBe(422);
      const colleague = await login(backend.url, 'agent2');
      expect((await claim(colleague.token, id)).status).toBe(200);
    });
  });
});
