// Issue 6, item 6: the sync against the reference backend's fault mode at 30 % failed calls,
// retry timing, and a full or read-only disk.
import { execFileSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningBackend } from '../../../backend/server';
import { startBackendForTest } from '../../../backend/testing/test-backend';
import { openDesk, type Desk } from '../desk';
import { createFileTokenStore } from '../session/file-token-store';
import { deskStatus } from '../status';
import { BackendClient, BackendUnreachableError } from './backend-client';
import { DEFAULT_RETRY, type RetryPolicy } from './retry-policy';
import { runSync } from './sync-run';
import { demoDesk, syncParts } from '../test-support/demo-desk';

const DEMO = { callbacks: 300, contacts: 100, dpo: 20, equality: 10, sms: 1500 };

let backend: RunningBackend;
const desks: Desk[] = [];
beforeEach(async () => {
  backend = await startBackendForTest({ seed: 17, demo: DEMO });
});
afterEach(async () => {
  await Promise.all(desks.splice(0).map((d) => d.close()));
  await backend.close();
});

const loggedIn = (username = 'supervisor'): Promise<Desk> => demoDesk(desks, backend.url, username, { host: 'cli' });

/** A sync whose waits are recorded instead of slept, so fault runs stay fast. */
async function recordedSync(desk: Desk, options: { retry?: RetryPolicy; timeoutMs?: number } = {}) {
  const { ctx, backendUrl, token } = await syncParts(desk);
  const waits: number[] = [];
  const client = new BackendClient({
    baseUrl: backendUrl,
    token,
    sleep: async (ms) => void waits.push(ms),
    retry: options.retry ?? { ...DEFAULT_RETRY, maxTries: 40 },
    timeoutMs: options.timeoutMs ?? 2_000,
  });
  return { report: await runSync(ctx, client), waits };
}

const rows = (desk: Desk, sql: string) => (desk.db.$client.prepare(sql).all() as { id: string }[]).map((r) => r.id);

/** What a workstation has after an undisturbed sync: the oracle for "nothing lost, nothing doubled". */
async function undisturbed(): Promise<{ requests: string[]; sms: string[] }> {
  backend.setFaults({});
  const oracle = await loggedIn();
  await oracle.invoke('sync.now', {});
  return { requests: rows(oracle, 'SELECT id FROM requests ORDER BY id'), sms: rows(oracle, 'SELECT id FROM sms_log ORDER BY id') };
}

describe('fault mode at 30 % failed calls', () => {
  it('500/503/429 on 30 % of calls plus malformed, broken and unknown events: quarantine equals what was injected', async () => {
    const desk = await loggedIn();
    backend.setFaults({ error500Rate: 0.1, error503Rate: 0.1, error429Rate: 0.1, retryAfterSeconds: 1, malformedRate: 0.03, brokenEnvelopeRate: 0.02, unknownTypeRate: 0.03 });
    const { report } = await recordedSync(desk);
    const counters = backend.faultState().counters;
    expect(report.offline).toBeNull();
    expect(counters.error500 + counters.error503 + counters.error429).toBeGreaterThan(0);
    expect(counters.malformedEvents).toBeGreaterThan(0);
    expect(counters.brokenEnvelopes).toBeGreaterThan(0);
    expect(deskStatus(desk.db).quarantined).toBe(counters.malformedEvents + counters.brokenEnvelopes);
    expect(report.quarantined).toBe(counters.malformedEvents + counters.brokenEnvelopes);
    // Quarantine keeps no content: only id, type, reason and time.
    const columns = (desk.db.$client.prepare('PRAGMA table_info(quarantine)').all() as { name: string }[]).map((c) => c.name).sort();
    expect(columns).toEqual(['at', 'event_id', 'event_type', 'reason', 'seq']);
    const oracle = await undisturbed();
    expect(rows(desk, 'SELECT id FROM requests ORDER BY id')).toEqual(oracle.requests);
    expect(rows(desk, 'SELECT id FROM sms_log ORDER BY id')).toEqual(oracle.sms);
  });

  it('30 % failed calls of every kind (500, 503, 429, resets, timeouts), duplicates and a 410: the sync completes, nothing lost or doubled', async () => {
    const desk = await loggedIn();
    backend.setFaults({
      error500Rate: 0.08,
      error503Rate: 0.06,
      error429Rate: 0.06,
      dropRate: 0.06,
      timeoutRate: 0.04,
      timeoutMs: 400,
      retryAfterSeconds: 1,
      duplicateRate: 0.2,
      malformedRate: 0.03,
      brokenEnvelopeRate: 0.02,
      unknownTypeRate: 0.03,
      expireCursorOnce: true,
    });
    const { report, waits } = await recordedSync(desk, { timeoutMs: 300 });
    const counters = backend.faultState().counters;
    expect(report.offline).toBeNull();
    expect(counters.dropped + counters.timedOut).toBeGreaterThan(0);
    expect(counters.duplicatedEvents + counters.replayedEvents).toBeGreaterThan(0);
    expect(counters.cursorsExpired).toBe(1);
    // Injected bad events the client received are quarantined, each once; lost answers can only make it fewer.
    expect(deskStatus(desk.db).quarantined).toBeGreaterThan(0);
    expect(deskStatus(desk.db).quarantined).toBeLessThanOrEqual(counters.malformedEvents + counters.brokenEnvelopes);
    const ids = desk.db.$client.prepare('SELECT event_id FROM quarantine WHERE event_id IS NOT NULL GROUP BY event_id, event_type HAVING count(*) > 1').all();
    expect(ids).toEqual([]);
    expect(waits.length).toBeGreaterThan(0);
    expect(Math.max(...waits)).toBeLessThanOrEqual(DEFAULT_RETRY.maxRetryAfterMs);
    const oracle = await undisturbed();
    expect(rows(desk, 'SELECT id FROM requests ORDER BY id')).toEqual(oracle.requests);
    expect(rows(desk, 'SELECT id FROM sms_log ORDER BY id')).toEqual(oracle.sms);
  });
});

describe('retry timing', () => {
  it('retries a failed call within 2 s of real time', async () => {
    const desk = await loggedIn();
    const token = createFileTokenStore(path.join(desk.dataDir, 'session.token')).load();
    const calls: number[] = [];
    let first = true;
    const client = new BackendClient({
      baseUrl: backend.url,
      token,
      // The real policy and the real clock; the backend fails the first call only.
      fetch: async (input, init) => {
        calls.push(performance.now());
        backend.setFaults(first ? { error500Rate: 1 } : {});
        first = false;
        return fetch(input, init);
      },
    });
    const answer = await client.call('GET', '/feed?limit=1');
    expect(answer.status).toBe(200);
    expect(calls).toHaveLength(2);
    expect(calls[1]! - calls[0]!).toBeLessThan(2_000);
  });

  it('caps every wait, also when the server asks for an hour', async () => {
    const desk = await loggedIn();
    const waits: number[] = [];
    const client = new BackendClient({
      baseUrl: backend.url,
      token: createFileTokenStore(path.join(desk.dataDir, 'session.token')).load(),
      sleep: async (ms) => void waits.push(ms),
      retry: { ...DEFAULT_RETRY, maxTries: 12 },
    });
    backend.setFaults({ error500Rate: 1 });
    await expect(client.call('GET', '/feed')).rejects.toBeInstanceOf(BackendUnreachableError);
    expect(waits).toHaveLength(11);
    expect(waits[0]).toBeLessThanOrEqual(2_000);
    expect(Math.max(...waits)).toBeLessThanOrEqual(DEFAULT_RETRY.maxDelayMs);
    expect(waits.at(-1)).toBe(DEFAULT_RETRY.maxDelayMs);

    waits.length = 0;
    backend.setFaults({ error503Rate: 1, retryAfterSeconds: 3600 });
    await expect(client.call('GET', '/feed')).rejects.toBeInstanceOf(BackendUnreachableError);
    expect(waits.every((ms) => ms === DEFAULT_RETRY.maxRetryAfterMs)).toBe(true);
  });
});

describe('full or read-only disk', () => {
  it('a full disk stops the sync with a clear message, corrupts nothing, and the next sync completes', async () => {
    const desk = await loggedIn();
    const pages = desk.db.$client.pragma('page_count', { simple: true }) as number;
    desk.db.$client.pragma(`max_page_count = ${pages + 8}`); // SQLite's view of a disk that is full
    await expect(desk.invoke('sync.now', {})).rejects.toMatchObject({ message: expect.stringMatching(/Datenträger ist voll/) });
    expect(desk.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    desk.db.$client.pragma('max_page_count = 1073741823');
    const report = await desk.invoke('sync.now', {});
    expect(report.offline).toBeNull();
    expect(desk.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    const oracle = await undisturbed();
    expect(rows(desk, 'SELECT id FROM requests ORDER BY id')).toEqual(oracle.requests);
  });

  it('a database that turns read-only stops the sync with a clear message and corrupts nothing', async (test) => {
    const desk = await loggedIn();
    await desk.invoke('sync.now', {});
    const before = deskStatus(desk.db);
    const files = ['', '-wal', '-shm'].map((suffix) => path.join(desk.dataDir, `servicedesk.sqlite${suffix}`));
    await backend.generate({ callbacks: 50, sms: 200 });
    // Root ignores file modes; the immutable attribute stops root too (where chattr is allowed).
    const root = process.getuid?.() === 0;
    const lock = (on: boolean) => {
      for (const file of [...files, desk.dataDir]) {
        if (root) execFileSync('chattr', [on ? '+i' : '-i', file]);
        else chmodSync(file, on ? 0o400 : 0o600);
      }
    };
    try {
      lock(true);
    } catch {
      test.skip('cannot make the database read-only here (root without chattr)');
    }
    let refusedAtStart = '';
    try {
      await expect(desk.invoke('sync.now', {})).rejects.toMatchObject({ message: expect.stringMatching(/nicht geschrieben werden/) });
      // Opening a read-only data directory is refused too (the CLI prints this with exit 1).
      try {
        desks.push(openDesk({ dataDir: desk.dataDir, host: 'cli' }));
      } catch (error) {
        refusedAtStart = (error as Error).message;
      }
    } finally {
      lock(false);
    }
    expect(refusedAtStart).not.toBe('');
    expect(desk.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(deskStatus(desk.db)).toEqual(before);
    expect((await desk.invoke('sync.now', {})).offline).toBeNull();
    const oracle = await undisturbed();
    expect(rows(desk, 'SELECT id FROM requests ORDER BY id')).toEqual(oracle.requests);
  });
});
