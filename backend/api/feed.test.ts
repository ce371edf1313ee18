import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_KINDS } from '../../shared/domain';
import { ApiError, type FeedEvent } from '../../shared/sync-api';
import { type RunningBackend } from '../server';
import { call, feedPage, login, newEventId, pullAll, queuedOf, SMALL_DEMO, startTestBackend, TEST_DRIVERS } from '../test-support';

describe.each(TEST_DRIVERS)('%s', (driver) => {
  let backend: RunningBackend;

  beforeAll(async () => {
    ({ backend } = await startTestBackend({ driver }));
  });
  afterAll(() => backend.close());

  const kindsIn = (events: readonly FeedEvent[]): Set<string> => new Set(queuedOf(events).map((e) => e.request.kind));
  const typesIn = (events: readonly FeedEvent[]): Set<string> => new Set(events.map((e) => e.type));

  describe('feed filtering by role', () => {
    it('gives an agent callbacks and contacts only: no officer cases, no SMS, no receipts', async () => {
      const { token } = await login(backend.url, 'agent');
      const { events } = await pullAll(backend.url, token);
      expect(kindsIn(events)).toEqual(new Set(['callback', 'contact']));
      expect(queuedOf(events)).toHaveLength(SMALL_DEMO.callbacks + SMALL_DEMO.contacts);
      expect(typesIn(events)).toEqual(new Set(['request.queued']));
    });

    it('gives the data-protection officer dpo cases and the SMS log', async () => {
      const { token } = await login(backend.url, 'dpo');
      const { events } = await pullAll(backend.url, token);
      expect(kindsIn(events)).toEqual(new Set(['dpo']));
      expect(queuedOf(events)).toHaveLength(SMALL_DEMO.dpo);
      expect(events.filter((e) => e.type === 'sms.logged')).toHaveLength(SMALL_DEMO.sms);
    });

    it('gives the equal-treatment officer equality cases only', async () => {
      const { token } = await login(backend.url, 'equality');
      const { events } = await pullAll(backend.url, token);
      expect(kindsIn(events)).toEqual(new Set(['equality']));
      expect(typesIn(events)).toEqual(new Set(['request.queued']));
    });

    it('gives a supervisor every queue entry and the SMS log, never personal data', async () => {
      const { token } = await login(backend.url, 'supervisor');
      const { events } = await pullAll(backend.url, token);
      expect(kindsIn(events)).toEqual(new Set(REQUEST_KINDS));
      expect(events).toHaveLength(SMALL_DEMO.callbacks + SMALL_DEMO.contacts + SMALL_DEMO.dpo + SMALL_DEMO.equality + SMALL_DEMO.sms);
      const text = JSON.stringify(events);
      for (const field of ['"name"', '"phone"', '"email"', '"message"', '"subject"', '"payload"']) expect(text).not.toContain(field);
    });

    it('unites the feeds of a user with several roles', async () => {
      const { token } = await login(backend.url, 'officer');
      const { events } = await pullAll(backend.url, token);
      expect(kindsIn(events)).toEqual(new Set(['dpo', 'equality']));
      expect(events.some((e) => e.type === 'sms.logged')).toBe(true);
    });

    it('shows what happens to a request to everyone who may see its kind', async () => {
      const agent = await login(backend.url, 'agent');
      const colleague = await login(backend.url, 'agent2');
      const supervisor = await login(backend.url, 'supervisor');
      const dpo = await login(backend.url, 'dpo');
      const start = {
        colleague: (await pullAll(backend.url, colleague.token)).cursor,
        supervisor: (await pullAll(backend.url, supervisor.token)).cursor,
        dpo: (await pullAll(backend.url, dpo.token)).cursor,
      };
      const callback = queuedOf((await pullAll(backend.url, agent.token)).events, 'callback')[0];
      if (!callback) throw new Error('demo has no callback');
      const claim = await call(backend.url, 'POST', `/api/v1/requests/${callback.request.id}/claim`, agent.token, { eventId: newEventId() });
      expect(claim.status).toBe(200);

      const seenByColleague = (await pullAll(backend.url, colleague.token, 100, start.colleague)).events;
      expect(seenByColleague).toEqual([expect.objectContaining({ type: 'request.claimed', requestId: callback.request.id, workstation: agent.workstation, by: { userId: 'agent', displayName: 'Anna Agentin' } })]);
      expect((await pullAll(backend.url, supervisor.token, 100, start.supervisor)).events.map((e) => e.type)).toEqual(['request.claimed']);
      expect((await pullAll(backend.url, dpo.token, 100, start.dpo)).events).toEqual([]);
    });
  });

  describe('cursor paging', () => {
    it('pages through the same events as one big page, with hasMore until the end', async () => {
      const { token } = await login(backend.url, 'supervisor');
      const whole = await feedPage(backend.url, token, undefined, 500);
      expect(whole.page.hasMore).toBe(false);
      const paged = await pullAll(backend.url, token, 7);
      expect(paged.pages).toBe(Math.ceil(whole.page.events.length / 7));
      expect(paged.events).toEqual(whole.page.events);
      // At the end: an empty page, same cursor semantics, no more.
      const after = await feedPage(backend.url, token, paged.cursor, 7);
      expect(after.status).toBe(200);
      expect(after.page).toMatchObject({ events: [], hasMore: false });
    });

    it('uses 100 events as the default page size', async () => {
      const { token } = await login(backend.url, 'supervisor');
      const first = await feedPage(backend.url, token);
      expect(first.page.events).toHaveLength(100);
      expect(first.page.hasMore).toBe(true);
    });

    it('knows when a filtered feed has nothing more even though the log goes on', async () => {
      const { token } = await login(backend.url, 'equality');
      const page = await feedPage(backend.url, token, undefined, SMALL_DEMO.equality);
      expect(page.page.events).toHaveLength(SMALL_DEMO.equality);
      expect(page.page.hasMore).toBe(false);
    });

    it('resumes from a cursor with what arrived since', async () => {
      const { token } = await login(backend.url, 'agent');
      const { cursor } = await pullAll(backend.url, token);
      await backend.generate({ callbacks: 3, dpo: 2, sms: 50 });
      const { events } = await pullAll(backend.url, token, 500, cursor);
      expect(queuedOf(events).map((e) => e.request.kind)).toEqual(['callback', 'callback', 'callback']);
    });

    it('refuses a limit outside 1..500 with 400 invalid_request', async () => {
      const { token } = await login(backend.url, 'agent');
      for (const limit of ['0', '501', 'abc', '-1', '2.5']) {
        const answer = await call(backend.url, 'GET', `/api/v1/feed?limit=${limit}`, token);
        expect(answer.status).toBe(400);
        expect(ApiError.parse(answer.body).error).toBe('invalid_request');
      }
      expect((await call(backend.url, 'GET', '/api/v1/feed?limit=500', token)).status).toBe(200);
      expect((await call(backend.url, 'GET', '/api/v1/feed?limit=1', token)).status).toBe(200);
    });

    it('answers 410 cursor_expired to a cursor it does not know', async () => {
      const { token } = await login(backend.url, 'agent');
      for (const cursor of ['garbage', 'djEuZGVhZGJlZWYuMTA', '']) {
        const answer = await feedPage(backend.url, token, cursor);
        expect(answer.status).toBe(410);
        expect(ApiError.parse(answer.body).error).toBe('cursor_expired');
      }
    });

    it('answers 410 to a cursor of another database (another epoch), even with the same seed', async () => {
      const { backend: other } = await startTestBackend({ driver, seed: 7, demo: SMALL_DEMO });
      try {
        const theirs = await login(other.url, 'agent');
        const { cursor } = await feedPage(other.url, theirs.token, undefined, 5).then((a) => a.page);
        const ours = await login(backend.url, 'agent');
        const answer = await feedPage(backend.url, ours.token, cursor);
        expect(answer.status).toBe(410);
      } finally {
        await other.close();
      }
    });
  });
});
