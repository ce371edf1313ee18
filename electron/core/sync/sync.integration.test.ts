// The sync client against the real reference backend over real HTTP, on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningBackend } from '../../../backend/server';
import { startBackendForTest } from '../../../backend/testing/test-backend';
import { deskStatus } from '../status';
import type { Desk } from '../desk';
import { readState, STATE_KEYS, writeState } from '../db/state';
import { BackendClient } from './backend-client';
import { runSync } from './sync-run';
import { demoDesk, syncParts } from '../test-support/demo-desk';

const DEMO = { callbacks: 30, contacts: 12, dpo: 4, equality: 3, sms: 200 };

let backend: RunningBackend;
let desks: Desk[] = [];

beforeEach(async () => {
  backend = await startBackendForTest({ seed: 7, demo: DEMO });
});
afterEach(async () => {
  await Promise.all(desks.map((d) => d.close()));
  desks = [];
  await backend.close();
});

const loggedIn = (username: string): Promise<Desk> => demoDesk(desks, backend.url, username, { host: 'cli' });

/** A sync with instant retries, so fault-mode tests do not sleep through backoff. */
async function fastSync(desk: Desk) {
  const { ctx, backendUrl, token } = await syncParts(desk);
  const client = new BackendClient({
    baseUrl: backendUrl,
    token,
    sleep: async () => undefined,
    retry: { maxTries: 50, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 },
    timeoutMs: 2_000,
  });
  return runSync(ctx, client);
}

describe('sync against the reference backend', () => {
  it('an agent gets callbacks and contacts, no officer cases, no SMS, and no personal data before claiming', async () => {
    const desk = await loggedIn('agent');
    const report = await desk.invoke('sync.now', {});
    expect(report.offline).toBeNull();
    const status = deskStatus(desk.db);
    expect(status.requests).toBe(DEMO.callbacks + DEMO.contacts);
    expect(status.sms).toBe(0);
    expect(status.withPersonalData).toBe(0);
    const kinds = new Set((await desk.invoke('queue.list', {})).map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['callback', 'contact']);
  });

  it('claim reveals personal data; close purges it, sends the receipt, and a full replay brings nothing back', async () => {
    const desk = await loggedIn('agent');
    await desk.invoke('sync.now', {});
    const [first] = await desk.invoke('queue.list', { kinds: ['callback'] });
    const claim = await desk.invoke('request.claim', { requestId: first!.id });
    expect(claim.delivery).toBe('sent');
    const detail = await desk.invoke('request.detail', { requestId: first!.id });
    expect(detail.personal?.name).toBeTruthy();
    expect(detail.personal?.phone).toBeTruthy();

    expect((await desk.invoke('request.close', { requestId: first!.id, outcome: 'resolved' })).delivery).toBe('sent');
    expect((await desk.invoke('request.detail', { requestId: first!.id })).personal).toBeNull();
    const before = deskStatus(desk.db);
    expect(before).toMatchObject({ withPersonalData: 0, tombstones: 1, pendingReceipts: 1 });

    await desk.invoke('sync.now', {});
    expect(deskStatus(desk.db).pendingReceipts).toBe(0);
    expect((await backend.stats()).receipts).toBe(1);

    // Replay the whole feed from the start: idempotent, and the closed request stays closed.
    writeState(desk.db, STATE_KEYS.cursor, null);
    await desk.invoke('sync.now', {});
    const after = deskStatus(desk.db);
    expect(after.requests).toBe(before.requests);
    expect(after.withPersonalData).toBe(0);
    expect(after.tombstones).toBe(1);
  });

  it('a request claimed at another workstation is refused here and leaves no personal data', async () => {
    const mine = await loggedIn('agent');
    const theirs = await loggedIn('agent2');
    await mine.invoke('sync.now', {});
    await theirs.invoke('sync.now', {});
    const [entry] = await mine.invoke('queue.list', { kinds: ['callback'] });
    expect((await theirs.invoke('request.claim', { requestId: entry!.id })).delivery).toBe('sent');
    const refused = await mine.invoke('request.claim', { requestId: entry!.id });
    expect(refused).toMatchObject({ delivery: 'rejected' });
    expect(refused.message).toMatch(/anderen Arbeitsplatz/);
    expect((await mine.invoke('request.detail', { requestId: entry!.id })).personal).toBeNull();
    await mine.invoke('sync.now', {});
    const row = (await mine.invoke('queue.list', { kinds: ['callback'] })).find((r) => r.id === entry!.id);
    expect(row).toMatchObject({ status: 'claimed_elsewhere', owner: { displayName: 'Ben Berater', mine: false } });
  });

  it('offline: a claim waits in the outbox and is sent when the backend answers again', async () => {
    const desk = await loggedIn('agent');
    await desk.invoke('sync.now', {});
    const [entry] = await desk.invoke('queue.list', { kinds: ['callback'] });
    backend.setFaults({ dropRate: 1 });
    const queued = await desk.invoke('request.claim', { requestId: entry!.id });
    expect(queued.delivery).toBe('pending');
    expect(deskStatus(desk.db).pendingEvents).toBe(1);
    expect((await desk.invoke('queue.list', { kinds: ['callback'] })).find((r) => r.id === entry!.id)?.status).toBe('claim_pending');

    backend.setFaults({});
    const report = await desk.invoke('sync.now', {});
    expect(report.pushed).toBe(1);
    expect(deskStatus(desk.db)).toMatchObject({ pendingEvents: 0, withPersonalData: 1 });
  });

  it('survives fault mode: errors, drops, duplicates, malformed and unknown events, an expired cursor', async () => {
    const desk = await loggedIn('supervisor');
    backend.setFaults({
      error500Rate: 0.1,
      error503Rate: 0.1,
      error429Rate: 0.05,
      dropRate: 0.05,
      duplicateRate: 0.2,
      malformedRate: 0.05,
      unknownTypeRate: 0.05,
      brokenEnvelopeRate: 0.02,
      retryAfterSeconds: 0,
      expireCursorOnce: true,
    });
    const report = await fastSync(desk);
    const counters = backend.faultState().counters;
    expect(report.offline).toBeNull();
    const status = deskStatus(desk.db);
    // Every entry exactly once, whatever was repeated; the supervisor sees all kinds and the SMS log.
    expect(status.requests).toBe(DEMO.callbacks + DEMO.contacts + DEMO.dpo + DEMO.equality);
    expect(status.sms).toBeGreaterThan(0);
    expect(status.sms).toBeLessThanOrEqual(DEMO.sms);
    expect(counters.malformedEvents + counters.brokenEnvelopes).toBeGreaterThan(0);
    expect(status.quarantined).toBeGreaterThan(0);
    expect(status.withPersonalData).toBe(0);
  });
  it('tells the screens about the feed’s news as soon as it is in, before the push, the sweep and the receipts (issue 15)', async () => {
    const desk = await loggedIn('agent');
    const seen: { rows: number; lastSyncAt: string | null; scope: string }[] = [];
    const stop = desk.subscribe((event) => {
      seen.push({ scope: event.scope, rows: deskStatus(desk.db).requests, lastSyncAt: readState(desk.db, STATE_KEYS.lastSyncAt) });
    });
    await desk.invoke('sync.now', {});
    stop();
    // The first queue event comes with the rows already there and the sync not yet recorded as done.
    const first = seen.find((e) => e.scope === 'queue');
    expect(first).toEqual({ scope: 'queue', rows: DEMO.callbacks + DEMO.contacts, lastSyncAt: null });
    // And once more when the whole run ended, as before.
    expect(seen.at(-1)).toMatchObject({ scope: 'sync', lastSyncAt: expect.any(String) });
  });
});
