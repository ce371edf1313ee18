// STYLE.md 14: transactions commit out of sequence order in a naive design, and a reader whose
// cursor passed a number that commits later loses that event forever. Here one writer's
// transaction is held open (it has its number) while another writer and a reader go on; the
// reader never skips it. On the PostgreSQL server: concurrency needs more than one connection.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeedEvent } from '../../shared/sync-api';
import { type RunningBackend } from '../server';
import { call, login, newEventId, pullAll, queuedOf, startTestBackend } from '../test-support';
import { appendFeed } from './append';
import { AUDIENCE } from './audience';

let backend: RunningBackend;
beforeAll(async () => {
  ({ backend } = await startTestBackend({ driver: 'postgres', demo: { callbacks: 40 } }));
});
afterAll(() => backend.close());

const receiptEvent = (requestId: string) => ({
  type: 'receipt.recorded' as const,
  at: new Date('2026-11-24T09:15:00Z'),
  audience: AUDIENCE.receipts,
  data: { receipt: { workstation: randomUUID(), purgedAt: '2026-11-24T09:15:00Z', rule: 'callback_closed', requestId } },
});

describe('a feed that never skips', () => {
  it('a reader pulling while a writer holds its transaction open still gets that writer`s event once it commits', async () => {
    const supervisor = await login(backend.url, 'supervisor');
    const agent = await login(backend.url, 'agent');
    const start = await pullAll(backend.url, supervisor.token);
    const [first, second] = queuedOf(start.events, 'callback');

    // Writer 1 holds its transaction open after numbering its event.
    let release!: () => void;
    const held = backend.database.db.transaction(async (tx) => {
      await appendFeed(tx, [receiptEvent(first!.request.id)]);
      await new Promise<void>((resolve) => (release = resolve));
    });
    await new Promise((resolve) => setTimeout(resolve, 100));

    // Writer 2 commits meanwhile (over HTTP, another connection); the reader pulls meanwhile.
    const claim = call(backend.url, 'POST', `/api/v1/requests/${second!.request.id}/claim`, agent.token, { eventId: newEventId() });
    const during = await pullAll(backend.url, supervisor.token, 500, start.cursor);
    expect(during.events).toEqual([]);

    release();
    await held;
    expect((await claim).status).toBe(200);
    const after = await pullAll(backend.url, supervisor.token, 500, during.cursor);
    expect(after.events.map((e) => e.type)).toEqual(['receipt.recorded', 'request.claimed']);
  });

  it('many writers at once and readers paging all the while: every reader gets every event once, in order', async () => {
    const supervisor = await login(backend.url, 'supervisor');
    const start = await pullAll(backend.url, supervisor.token);
    const open = queuedOf(start.events, 'callback').slice(2).map((e) => e.request.id);
    const agents = await Promise.all(['agent', 'agent2'].map((u) => login(backend.url, u)));

    let writing = true;
    const writers = open.map(async (id, i) => {
      const agent = agents[i % 2]!;
      await call(backend.url, 'POST', `/api/v1/requests/${id}/claim`, agent.token, { eventId: newEventId() });
      await call(backend.url, 'POST', `/api/v1/requests/${id}/events`, agent.token, { eventId: newEventId(), type: 'attempt', at: new Date().toISOString(), data: { disposition: 'busy' } });
      await backend.database.db.transaction((tx) => appendFeed(tx, [receiptEvent(id)]));
    });
    const readers = [1, 3, 7].map(async (limit) => {
      const seen: FeedEvent[] = [];
      let cursor = start.cursor;
      for (;;) {
        const done = !writing;
        const page = await pullAll(backend.url, supervisor.token, limit, cursor);
        seen.push(...page.events);
        cursor = page.cursor;
        if (done) return seen;
      }
    });
    await Promise.all(writers);
    writing = false;
    const results = await Promise.all(readers);

    const everything = (await pullAll(backend.url, supervisor.token, 500, start.cursor)).events;
    expect(everything.length).toBeGreaterThanOrEqual(open.length * 2);
    for (const seen of results) expect(seen.map((e) => e.id)).toEqual(everything.map((e) => e.id));
  });
});
