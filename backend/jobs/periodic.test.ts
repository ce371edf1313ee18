// The periodic work at the origin: a lease that ran out is released, a callback nobody claimed
// closes as `expired` 14 Berlin days after its preferred date (with its personal data gone), and
// with two backend processes on one database each piece of work is done once.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { requests } from '../db/schema';
import { type RunningBackend } from '../server';
import { call, login, newEventId, pullAll, queuedOf, startTestBackend, TEST_DRIVERS, TestClock } from '../test-support';
import { startBackendForTest, testDatabaseOptions } from '../testing/test-backend';

const running: RunningBackend[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((b) => b.close()));
});

describe.each(TEST_DRIVERS)('%s', (driver) => {
  it('closes an unclaimed callback as expired 14 Berlin days after its preferred date, not a day earlier, and drops its personal data', async () => {
    const { backend, clock } = await startTestBackend({ driver, demo: { callbacks: 6 } });
    running.push(backend);
    const supervisor = await login(backend.url, 'supervisor');
    const callbacks = queuedOf((await pullAll(backend.url, supervisor.token)).events, 'callback');
    const latest = callbacks.map((e) => (e.request.kind === 'callback' ? e.request.summary.preferredDate : '')).sort().at(-1)!;
    // 13 days after the latest wish (Berlin noon): nothing; 14 days after: every one.
    clock.ms = Date.parse(`${latest}T11:00:00Z`) + 13 * 86_400_000;
    await backend.runPeriodicWork();
    const before = await backend.database.db.select({ status: requests.status, preferredDate: requests.preferredDate }).from(requests);
    expect(before.filter((r) => r.preferredDate === latest).map((r) => r.status)).toEqual(before.filter((r) => r.preferredDate === latest).map(() => 'open'));
    clock.ms += 86_400_000;
    const summary = await backend.runPeriodicWork();
    expect(summary.expired + before.filter((r) => r.status === 'closed').length).toBe(6);
    // Two weeks later the morning's session is long gone.
    const later = await login(backend.url, 'supervisor');
    const closed = (await pullAll(backend.url, later.token)).events.filter((e) => e.type === 'request.closed');
    expect(closed).toHaveLength(6);
    expect(closed.every((e) => e.type === 'request.closed' && e.outcome === 'expired' && e.retainedUntil === null)).toBe(true);
    const stored = await backend.database.db.select({ name: requests.name, phone: requests.phone }).from(requests).where(eq(requests.kind, 'callback'));
    expect(stored.every((r) => r.name === null && r.phone === null)).toBe(true);
  });
});

describe('two backend processes on one database', () => {
  it('release each expired lease once, however often both run the periodic work at the same time', async () => {
    const clock = new TestClock();
    const { database, drop } = await testDatabaseOptions('postgres');
    const a = await startBackendForTest({ database, demo: { callbacks: 30 }, now: clock.now });
    const b = await startBackendForTest({ database, demo: false, now: clock.now });
    running.push(a, b);
    const agent = await login(a.url, 'agent');
    const ids = queuedOf((await pullAll(a.url, agent.token)).events, 'callback').map((e) => e.request.id);
    for (const id of ids) expect((await call(a.url, 'POST', `/api/v1/requests/${id}/claim`, agent.token, { eventId: newEventId() })).status).toBe(200);
    clock.advance(16 * 60);
    await Promise.all([a.runPeriodicWork(), b.runPeriodicWork(), a.runPeriodicWork(), b.runPeriodicWork()]);
    const released = (await pullAll(a.url, agent.token)).events.filter((e) => e.type === 'request.released');
    expect(released.map((e) => (e.type === 'request.released' ? e.requestId : '')).sort()).toEqual([...ids].sort());
    await Promise.all(running.splice(0).map((r) => r.close()));
    await drop();
  });
});
