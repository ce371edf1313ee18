// Issue 14's proof of deletion at the origin, in a cluster this test owns: after each kind of
// deletion (close, the end of a retention, erasure, a callback's expiry, SMS and portal records
// at 90 days) a dump of the database holds no trace of the person. Then what a dump cannot see:
// after VACUUM and a checkpoint, the cluster's files (heap, TOAST, indexes, WAL) are scanned
// byte by byte and every place a deleted value still sits is counted and reported
// (SECURITY.md has the figures and what they mean). Set RESIDUE_REPORT=file to keep the report.
import { execFileSync } from 'node:child_process';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBackend } from '../server';
import { call, login, newEventId, TestClock } from '../test-support';
import { scanCluster, summarize } from '../testing/cluster-scan';
import { postgresBinDir, startTestCluster, type TestCluster } from '../testing/pg-cluster';
import { createTestDatabase, type TestDatabase } from '../testing/test-databases';
import { startBackendForTest } from '../testing/test-backend';

let cluster: TestCluster;
let database: TestDatabase;
let backend: RunningBackend;
const clock = new TestClock(Date.parse('2026-11-24T09:15:00Z'));

beforeAll(async () => {
  // PostgreSQL's production settings (full-page writes put whole pages into the WAL after each checkpoint).
  cluster = await startTestCluster({ productionLike: true });
  database = await createTestDatabase(cluster.url);
  backend = await startBackendForTest({ database: { url: database.url }, demo: false, intakePerMinute: 0, now: clock.now });
}, 180_000);
afterAll(async () => {
  await backend?.close();
  cluster?.stop();
});

const hex = () => randomBytes(5).toString('hex');
const digits = (n: number) => Array.from({ length: n }, () => String(randomInt(10))).join('');

async function sql(text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

async function relations(): Promise<Map<string, { name: string; kind: string }>> {
  const rows = (await sql('SELECT relfilenode::text AS node, relname AS name, relkind::text AS kind FROM pg_class WHERE relfilenode <> 0')).rows as { node: string; name: string; kind: string }[];
  return new Map(rows.map((r) => [r.node, { name: r.name, kind: r.kind }]));
}

describe('deletion at the origin leaves no trace in a dump; the raw files are measured', () => {
  it('close, retention end, erasure, callback expiry, SMS and portal at 90 days', { timeout: 300_000 }, async () => {
    const consent = () => ({ noticeVersion: '2026-11', at: new Date(clock.ms - 60_000).toISOString() });
    const form = async (kind: string, body: Record<string, unknown>) => {
      const res = await fetch(`${backend.url}/api/v1/intake/${kind}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...body, consent: consent() }) });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const phone = `0234 96${digits(5)}`;
    const m = {
      closedName: `Residuum Geschlossen ${hex()}`,
      closedPhone: `+4923496${phone.slice(7)}`,
      retainedName: `Residuum Aufbewahrt ${hex()}`,
      retainedEmail: `residuum-${hex()}@example.de`,
      erasedName: `Residuum Geloescht ${hex()}`,
      erasedSubject: `Auskunft ${hex()}`,
      expiredName: `Residuum Abgelaufen ${hex()}`,
      smsCustomer: `7${digits(9)}`,
      smsIp: `198.18.${randomInt(256)}.${randomInt(1, 255)}`,
      portalCustomer: `8${digits(9)}`,
    };
    const markers = Object.values(m);

    // The person's requests and log records arrive the way real ones do.
    const closed = await form('callback', { salutation: 'Frau', name: m.closedName, phone, preferredDate: '2026-11-25', preferredWindow: { from: '09:00', to: '11:00' }, topic: 'billing', note: null });
    await form('callback', { salutation: null, name: m.expiredName, phone: '0171 2345678', preferredDate: '2026-11-25', preferredWindow: { from: '10:00', to: '12:00' }, topic: 'other', note: null });
    const retained = await form('contact', { salutation: null, name: m.retainedName, email: m.retainedEmail, category: 'billing', subject: 'Abschlag', message: 'Bitte prüfen.' });
    const erased = await form('dpo', { salutation: null, name: m.erasedName, email: 'x@example.de', category: 'other', subject: m.erasedSubject, message: 'Auskunft nach Art. 15' });
    const ingest = (log: string, records: unknown[]) =>
      fetch(`${backend.url}/api/v1/ingest/${log}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${backend.ingestKey}` }, body: JSON.stringify({ records }) });
    const old = new Date(clock.ms - 85 * 86_400_000).toISOString();
    await ingest('sms', [{ id: randomUUID(), customerNumber: m.smsCustomer, sentAt: old, ip: m.smsIp }]);
    await ingest('portal-access', [{ id: randomUUID(), customerNumber: m.portalCustomer, at: old, ip: '2a02:908::7', action: 'login' }]);

    // Before any deletion the scan sees every value (after a checkpoint, in the heap): it can find them.
    await sql('CHECKPOINT');
    const before = summarize(scanCluster(cluster.dataDir, markers, await relations()));
    for (const marker of markers) expect(Object.keys(before[marker] ?? {}), marker).not.toEqual([]);

    // The deletions: a close without retention, a retention that ends, an erasure, a callback nobody
    // claimed, and the 90 days of the logs.
    const agent = await login(backend.url, 'agent');
    for (const [id, retention] of [
      [closed, null],
      [retained, { reason: 'proof', until: '2026-11-30' }],
    ] as const) {
      await call(backend.url, 'POST', `/api/v1/requests/${id}/claim`, agent.token, { eventId: newEventId() });
      const close = await call(backend.url, 'POST', `/api/v1/requests/${id}/events`, agent.token, { eventId: newEventId(), type: 'close', at: new Date(clock.ms).toISOString(), data: { outcome: 'resolved', retention } });
      expect(close.status).toBe(200);
    }
    expect(await backend.erase(erased, 'erasure_request')).toBe('erased');
    clock.ms = Date.parse('2026-12-10T09:00:00Z');
    const summary = await backend.runPeriodicWork();
    expect(summary).toMatchObject({ expired: 1, retentionsEnded: 1, purgedSms: 1, purgedPortal: 1 });

    // 1. A dump of the database: no trace of any of it.
    const dump = execFileSync(path.join(postgresBinDir(), 'pg_dump'), ['--dbname', database.url, '--no-owner', '--data-only'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    expect(dump).toContain('COPY public.requests');
    for (const marker of markers) expect(dump.includes(marker), `${marker} in the dump`).toBe(false);

    // 2. What a dump cannot see: the files, after VACUUM and a checkpoint; then after VACUUM FULL.
    await sql('VACUUM');
    await sql('CHECKPOINT');
    const afterVacuum = summarize(scanCluster(cluster.dataDir, markers, await relations()));
    await sql('VACUUM FULL');
    await sql('CHECKPOINT');
    const afterFull = summarize(scanCluster(cluster.dataDir, markers, await relations()));
    const byName = (found: Record<string, Record<string, number>>) => Object.fromEntries(Object.entries(m).map(([name, value]) => [name, found[value] ?? {}]));
    const report = { afterVacuum: byName(afterVacuum), afterVacuumFull: byName(afterFull) };
    console.log(`residue after deletion at the origin:\n${JSON.stringify(report, null, 2)}`);
    if (process.env.RESIDUE_REPORT) writeFileSync(process.env.RESIDUE_REPORT, JSON.stringify(report, null, 2));

    // What SECURITY.md says: after VACUUM FULL only the WAL still holds deleted values (until its
    // segments are recycled); before it, heap pages and indexes may too. Nothing else, anywhere.
    for (const [marker, places] of Object.entries(afterFull)) for (const place of Object.keys(places)) expect(place, marker).toBe('WAL');
    const allowedAfterVacuum = /^(WAL|heap |index |TOAST )/;
    for (const [marker, places] of Object.entries(afterVacuum)) for (const place of Object.keys(places)) expect(place, marker).toMatch(allowedAfterVacuum);
  });
});
