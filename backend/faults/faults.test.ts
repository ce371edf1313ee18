import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, ClaimResponse, EventEnvelope, FEED_EVENT_TYPES, FeedEvent } from '../../shared/sync-api';
import { type RunningBackend } from '../server';
import { admin, call, feedPage, login, newEventId, pullAll, queuedOf, startTestBackend, TEST_DRIVERS } from '../test-support';

describe.each(TEST_DRIVERS)('%s', (driver) => {
  let backend: RunningBackend;

  beforeAll(async () => {
    ({ backend } = await startTestBackend({ driver, faults: { seed: 42 } }));
  });
  afterAll(() => backend.close());
  beforeEach(() => {
    backend.setFaults({ seed: 42 });
  });

  const counters = () => backend.faultState().counters;

  /** Pulls a whole feed as a tolerant client would; returns raw events. */
  async function pullRaw(token: string, limit: number): Promise<unknown[]> {
    const raw: unknown[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10_000; i++) {
      const { status, page } = await feedPage(backend.url, token, cursor, limit);
      expect(status).toBe(200);
      raw.push(...page.events);
      cursor = page.cursor;
      if (!page.hasMore) return raw;
    }
    throw new Error('feed never ended');
  }

  describe('fault mode: failed calls', () => {
    it('answers 503 and 429 with Retry-After, and 500 without', async () => {
      const { token } = await login(backend.url, 'agent');
      for (const [config, status, error] of [
        [{ error503Rate: 1, retryAfterSeconds: 2 }, 503, 'unavailable'],
        [{ error429Rate: 1, retryAfterSeconds: 5 }, 429, 'rate_limited'],
        [{ error500Rate: 1 }, 500, 'internal'],
      ] as const) {
        backend.setFaults(config);
        const answer = await call(backend.url, 'GET', '/api/v1/feed', token);
        expect(answer.status).toBe(status);
        expect(ApiError.parse(answer.body).error).toBe(error);
        expect(answer.headers.get('retry-after')).toBe('retryAfterSeconds' in config ? String(config.retryAfterSeconds) : null);
      }
      expect(counters()).toMatchObject({ error503: 1, error429: 1, error500: 1 });
    });

    it('leaves the admin endpoints alone', async () => {
      backend.setFaults({ error503Rate: 1 });
      expect((await admin(backend, 'GET', '/__admin/stats')).status).toBe(200);
      expect((await call(backend.url, 'POST', '/api/v1/session', undefined, { username: 'agent', password: 'agent', workstation: newEventId() })).status).toBe(503);
    });

    it('drops connections without an answer', async () => {
      const { token } = await login(backend.url, 'agent');
      backend.setFaults({ dropRate: 1 });
      await expect(call(backend.url, 'GET', '/api/v1/feed', token)).rejects.toThrow();
      expect(counters().dropped).toBeGreaterThanOrEqual(1);
    });

    it('holds a call open for timeoutMs, then drops it', async () => {
      const { token } = await login(backend.url, 'agent');
      backend.setFaults({ timeoutRate: 1, timeoutMs: 300 });
      const started = performance.now();
      await expect(call(backend.url, 'GET', '/api/v1/feed', token)).rejects.toThrow();
      expect(performance.now() - started).toBeGreaterThanOrEqual(250);
      expect(counters().timedOut).toBeGreaterThanOrEqual(1);
    });

    it('sometimes loses the answer after doing the work: a retried claim gets the same answer', async () => {
      const { token } = await login(backend.url, 'agent');
      const ids = queuedOf((await pullAll(backend.url, token)).events, 'callback').map((e) => e.request.id);
      backend.setFaults({ seed: 1, dropRate: 1 });
      const before = counters().lostAnswers;
      let lost: { id: string; eventId: string } | undefined;
      for (const id of ids.slice(0, 20)) {
        const eventId = newEventId();
        await expect(call(backend.url, 'POST', `/api/v1/requests/${id}/claim`, token, { eventId })).rejects.toThrow();
        if (counters().lostAnswers > before) {
          lost = { id, eventId };
          break;
        }
      }
      if (!lost) throw new Error('no drop after processing in 20 calls');
      backend.setFaults({});
      const retry = await call(backend.url, 'POST', `/api/v1/requests/${lost.id}/claim`, token, { eventId: lost.eventId });
      expect(retry.status).toBe(200);
      expect(ClaimResponse.parse(retry.body).request.id).toBe(lost.id);
      const claims = (await pullAll(backend.url, (await login(backend.url, 'supervisor')).token)).events.filter((e) => e.type === 'request.claimed' && e.requestId === lost.id);
      expect(claims).toHaveLength(1);
    });

    it('rolls the same faults for the same seed', async () => {
      const { token } = await login(backend.url, 'agent');
      const run = async (): Promise<number[]> => {
        backend.setFaults({ seed: 9, error500Rate: 0.3, error503Rate: 0.3 });
        const statuses: number[] = [];
        for (let i = 0; i < 20; i++) statuses.push((await call(backend.url, 'GET', '/api/v1/feed?limit=1', token)).status);
        return statuses;
      };
      const first = await run();
      expect(await run()).toEqual(first);
      expect(new Set(first)).toEqual(new Set([200, 500, 503]));
    });
  });

  describe('fault mode: feed content', () => {
    it('injects malformed events of known types with a valid envelope, and counts them', async () => {
      const { token } = await login(backend.url, 'supervisor');
      const clean = (await pullAll(backend.url, token, 50)).events;
      backend.setFaults({ seed: 3, malformedRate: 0.05 });
      const before = counters().malformedEvents;
      const raw = await pullRaw(token, 50);
      const broken = raw.filter((e) => !FeedEvent.safeParse(e).success);
      expect(broken.length).toBeGreaterThan(0);
      expect(counters().malformedEvents - before).toBe(broken.length);
      for (const e of broken) {
        const envelope = EventEnvelope.parse(e);
        expect(FEED_EVENT_TYPES).toContain(envelope.type);
      }
      expect(raw.filter((e) => FeedEvent.safeParse(e).success)).toEqual(clean);
      expect(raw.every((e) => JSON.stringify(e).length < 2000)).toBe(true);
    });

    it('injects events with broken envelopes, and counts them', async () => {
      const { token } = await login(backend.url, 'agent');
      backend.setFaults({ seed: 4, brokenEnvelopeRate: 0.1 });
      const before = counters().brokenEnvelopes;
      const raw = await pullRaw(token, 20);
      const broken = raw.filter((e) => !EventEnvelope.safeParse(e).success);
      expect(broken.length).toBeGreaterThan(0);
      expect(counters().brokenEnvelopes - before).toBe(broken.length);
    });

    it('injects unknown event types with a valid envelope, and counts them', async () => {
      const { token } = await login(backend.url, 'agent');
      backend.setFaults({ seed: 5, unknownTypeRate: 0.1 });
      const before = counters().unknownTypeEvents;
      const raw = await pullRaw(token, 20);
      const unknown = raw.filter((e) => {
        const envelope = EventEnvelope.safeParse(e);
        return envelope.success && !(FEED_EVENT_TYPES as string[]).includes(envelope.data.type);
      });
      expect(unknown.length).toBeGreaterThan(0);
      expect(counters().unknownTypeEvents - before).toBe(unknown.length);
    });

    it('repeats events within and across pages, never more than limit per page, losing none', async () => {
      const { token } = await login(backend.url, 'dpo');
      const clean = (await pullAll(backend.url, token, 25)).events;
      backend.setFaults({ seed: 6, duplicateRate: 0.2 });
      const before = counters();
      const raw: FeedEvent[] = [];
      let cursor: string | undefined;
      for (;;) {
        const { page } = await feedPage(backend.url, token, cursor, 25);
        expect(page.events.length).toBeLessThanOrEqual(25);
        raw.push(...page.events.map((e) => FeedEvent.parse(e)));
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      const after = counters();
      expect(after.duplicatedEvents).toBeGreaterThan(before.duplicatedEvents);
      expect(after.replayedEvents).toBeGreaterThan(before.replayedEvents);
      expect(raw.length).toBe(clean.length + (after.duplicatedEvents - before.duplicatedEvents) + (after.replayedEvents - before.replayedEvents));
      // Deduplicated by id, in first-seen order: exactly the clean feed.
      const seen = new Map<string, FeedEvent>();
      for (const e of raw) if (!seen.has(e.id)) seen.set(e.id, e);
      expect([...seen.values()]).toEqual(clean);
    });

    it('expires the next cursor once, then serves normally', async () => {
      const { token } = await login(backend.url, 'agent');
      const first = await feedPage(backend.url, token, undefined, 5);
      backend.setFaults({ expireCursorOnce: true });
      // A call without a cursor is not affected.
      expect((await feedPage(backend.url, token, undefined, 5)).status).toBe(200);
      const expired = await feedPage(backend.url, token, first.page.cursor, 5);
      expect(expired.status).toBe(410);
      expect(ApiError.parse(expired.body).error).toBe('cursor_expired');
      expect((await feedPage(backend.url, token, first.page.cursor, 5)).status).toBe(200);
      expect(counters().cursorsExpired).toBe(1);
    });

    it('takes its configuration over HTTP and refuses nonsense', async () => {
      const set = await admin(backend, 'POST', '/__admin/faults', { error503Rate: 1, retryAfterSeconds: 3 });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ faults: { error503Rate: 1, retryAfterSeconds: 3, dropRate: 0 } });
      // Faults strike before authentication, like a proxy in front of the real backend.
      expect((await call(backend.url, 'GET', '/api/v1/feed')).headers.get('retry-after')).toBe('3');
      for (const bad of [{ error503Rate: 2 }, { dropRate: 0.6, timeoutRate: 0.6 }, { pizzaRate: 0.1 }]) {
        expect((await admin(backend, 'POST', '/__admin/faults', bad)).status).toBe(400);
      }
      expect((await admin(backend, 'POST', '/__admin/faults', {})).status).toBe(200);
      expect((await backend.stats()).faults.config.error503Rate).toBe(0);
    });
  });
});
