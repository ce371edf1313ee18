// Issue 16, item 3: a case closed with a retention is kept by the backend with its reason, until
// and note; a person whose roles may work the kind reads it again, read-only, after stating why,
// and every attempt is recorded at the backend (never in the feed); the note goes with the
// personal data when the retention ends. A retention over one year counts as one year until a
// supervisor other than the closing person confirms or shortens it.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { PendingRetentionList, RetainedViewResponse } from '../../shared/retained';
import { retainedViews, requests } from '../db/schema';
import { type RunningBackend } from '../server';
import { call, login, newEventId, pullAll, queuedOf, startTestBackend, TEST_DRIVERS } from '../test-support';

const running: RunningBackend[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((b) => b.close()));
});

const NOTE = 'Kundin Erika Muster bestreitet die Abrechnung, Nachweis für die Schlichtung';

describe.each(TEST_DRIVERS)('%s', (driver) => {
  async function closedRetained(until: string) {
    const { backend, clock } = await startTestBackend({ driver, demo: { contacts: 2, dpo: 1 } });
    running.push(backend);
    const agent = await login(backend.url, 'agent');
    const id = queuedOf((await pullAll(backend.url, agent.token)).events, 'contact')[0]!.request.id;
    expect((await call(backend.url, 'POST', `/api/v1/requests/${id}/claim`, agent.token, { eventId: newEventId() })).status).toBe(200);
    const close = { eventId: newEventId(), type: 'close', at: clock.now().toISOString(), data: { outcome: 'resolved', retention: { reason: 'proof', until, note: NOTE } } };
    expect((await call(backend.url, 'POST', `/api/v1/requests/${id}/events`, agent.token, close)).status).toBe(200);
    const row = async () => (await backend.database.db.select().from(requests).where(eq(requests.id, id)))[0]!;
    const views = () => backend.database.db.select().from(retainedViews).where(eq(retainedViews.requestId, id));
    return { backend, clock, agent, id, row, views };
  }

  it('keeps the note with the request, tells every workstation the reason (not the note), and deletes the note with the personal data', async () => {
    const { backend, clock, id, row } = await closedRetained('2026-12-15');
    expect(await row()).toMatchObject({ retentionReason: 'proof', retainedUntil: '2026-12-15', retentionNote: NOTE, retentionRequestedUntil: null });
    const supervisor = await login(backend.url, 'supervisor');
    const { events } = await pullAll(backend.url, supervisor.token);
    const closed = events.find((e) => e.type === 'request.closed' && e.requestId === id);
    expect(closed).toMatchObject({ retainedUntil: '2026-12-15', retentionReason: 'proof' });
    expect(JSON.stringify(events)).not.toContain('Erika');

    clock.ms = Date.parse('2026-12-16T08:00:00Z');
    expect((await backend.runPeriodicWork()).retentionsEnded).toBe(1);
    expect(await row()).toMatchObject({ name: null, retentionNote: null, retentionReason: 'proof', retainedUntil: '2026-12-15' });
  });

  it('shows a retained case read-only to a role of its kind with a reason, refuses others, and records every attempt', async () => {
    const { backend, id, views } = await closedRetained('2027-06-30');
    const view = (token: string, body: unknown) => call(backend.url, 'POST', `/api/v1/requests/${id}/retained-view`, token, body);
    const colleague = await login(backend.url, 'agent2');
    const dpo = await login(backend.url, 'dpo');
    const supervisor = await login(backend.url, 'supervisor');

    expect((await view(colleague.token, {})).status).toBe(400);
    expect((await view(colleague.token, { reason: 'kurz' })).status).toBe(400);
    expect((await view(dpo.token, { reason: 'Neugier an einem fremden Fall' })).status).toBe(403);
    expect((await view(supervisor.token, { reason: 'Kontrolle der Aufbewahrung' })).status).toBe(403);
    const answer = await view(colleague.token, { reason: 'Rückfrage der Schlichtungsstelle vom Montag' });
    expect(answer.status).toBe(200);
    const shown = RetainedViewResponse.parse(answer.body);
    expect(shown.request).toMatchObject({ id, kind: 'contact' });
    expect(shown.request.payload).toHaveProperty('email');
    expect(shown.retention).toEqual({ reason: 'proof', until: '2027-06-30', note: NOTE, requestedUntil: null });

    const recorded = (await views()).map((v) => ({ userId: v.userId, workstation: v.workstation, reason: v.reason, outcome: v.outcome }));
    expect(recorded).toEqual(
      expect.arrayContaining([
        { userId: 'dpo', workstation: dpo.workstation, reason: 'Neugier an einem fremden Fall', outcome: 'forbidden' },
        { userId: 'supervisor', workstation: supervisor.workstation, reason: 'Kontrolle der Aufbewahrung', outcome: 'forbidden' },
        { userId: 'agent2', workstation: colleague.workstation, reason: 'Rückfrage der Schlichtungsstelle vom Montag', outcome: 'shown' },
      ]),
    );
    expect(recorded).toHaveLength(3);
    // The reason stays at the backend: nobody's feed carries it.
    expect(JSON.stringify((await pullAll(backend.url, supervisor.token)).events)).not.toContain('Schlichtungsstelle');
  });

  it('answers 404 for a case kept by nobody: closed without retention, or its retention ended', async () => {
    const { backend, clock, id } = await closedRetained('2026-12-15');
    clock.ms = Date.parse('2026-12-16T08:00:00Z');
    await backend.runPeriodicWork();
    const colleague = await login(backend.url, 'agent2');
    expect((await call(backend.url, 'POST', `/api/v1/requests/${id}/retained-view`, colleague.token, { reason: 'Rückfrage der Kundin' })).status).toBe(404);
  });

  it('holds a retention over one year at one year until another supervisor confirms or shortens it', async () => {
    const { backend, id, row } = await closedRetained('2029-11-20');
    expect(await row()).toMatchObject({ retainedUntil: '2027-11-24', retentionRequestedUntil: '2029-11-20', retentionRequestedBy: 'agent' });
    const supervisor = await login(backend.url, 'supervisor');
    const { events, cursor } = await pullAll(backend.url, supervisor.token);
    expect(events.find((e) => e.type === 'request.closed' && e.requestId === id)).toMatchObject({ retainedUntil: '2027-11-24' });

    const agent = await login(backend.url, 'agent');
    expect((await call(backend.url, 'GET', '/api/v1/retentions/pending', agent.token)).status).toBe(403);
    const pending = PendingRetentionList.parse((await call(backend.url, 'GET', '/api/v1/retentions/pending', supervisor.token)).body).retentions;
    expect(pending).toEqual([expect.objectContaining({ requestId: id, reason: 'proof', countsUntil: '2027-11-24', requestedUntil: '2029-11-20', requestedBy: 'agent' })]);

    const decide = (token: string, until: string) => call(backend.url, 'POST', `/api/v1/requests/${id}/retention-decision`, token, { until });
    expect((await decide(agent.token, '2029-11-20')).status).toBe(403);
    expect((await decide(supervisor.token, '2030-01-01')).status).toBe(400);
    expect((await decide(supervisor.token, '2028-12-31')).status).toBe(200);
    expect(await row()).toMatchObject({ retainedUntil: '2028-12-31', retentionRequestedUntil: null, retentionConfirmedBy: 'supervisor' });
    expect((await decide(supervisor.token, '2028-12-31')).status).toBe(409);
    // Every workstation learns the new end from a repeated request.closed.
    const after = (await pullAll(backend.url, supervisor.token, 100, cursor)).events;
    expect(after).toEqual([expect.objectContaining({ type: 'request.closed', requestId: id, retainedUntil: '2028-12-31', retentionReason: 'proof' })]);
  });

  it('lets no supervisor confirm a long retention they asked for themselves (four eyes)', async () => {
    const { backend, clock } = await startTestBackend({ driver, demo: { contacts: 1 } });
    running.push(backend);
    const lead = await login(backend.url, 'lead');
    const id = queuedOf((await pullAll(backend.url, lead.token)).events, 'contact')[0]!.request.id;
    await call(backend.url, 'POST', `/api/v1/requests/${id}/claim`, lead.token, { eventId: newEventId() });
    const close = { eventId: newEventId(), type: 'close', at: clock.now().toISOString(), data: { outcome: 'resolved', retention: { reason: 'statutory', until: '2031-01-01', note: NOTE } } };
    expect((await call(backend.url, 'POST', `/api/v1/requests/${id}/events`, lead.token, close)).status).toBe(200);
    expect((await call(backend.url, 'POST', `/api/v1/requests/${id}/retention-decision`, lead.token, { until: '2031-01-01' })).status).toBe(409);
  });
});
