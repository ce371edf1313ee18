// SYNC_API 1.1 ingest over real HTTP on both drivers: the key, atomic calls, idempotency by id
// and content, the 90-day retention at arrival, strict records, the size limits, and the feed.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/sync-api';
import { type RunningBackend } from '../server';
import { login, pullAll, startTestBackend, TEST_DRIVERS, type TestClock } from '../test-support';

describe.each(TEST_DRIVERS)('%s', (driver) => {
  let backend: RunningBackend;
  let clock: TestClock;
  beforeAll(async () => {
    ({ backend, clock } = await startTestBackend({ driver, demo: false }));
  });
  afterAll(() => backend.close());

  const ago = (days: number) => new Date(clock.ms - days * 86_400_000).toISOString();
  const sms = (over: Record<string, unknown> = {}) => ({ id: randomUUID(), customerNumber: '4012345678', sentAt: ago(1), ip: '80.7.185.99', ...over });
  const access = (over: Record<string, unknown> = {}) => ({ id: randomUUID(), customerNumber: '4012345678', at: ago(1), ip: '2a02:908:1:2::7', action: 'login', ...over });

  async function ingest(path: 'sms' | 'portal-access', body: unknown, key: string | null = backend.ingestKey) {
    const res = await fetch(`${backend.url}/api/v1/ingest/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key === null ? {} : { authorization: `Bearer ${key}` }) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('needs the ingest key, not a user token', async () => {
    expect((await ingest('sms', { records: [sms()] }, null)).status).toBe(401);
    expect((await ingest('sms', { records: [sms()] }, 'wrong-key-wrong-key')).status).toBe(401);
    const { token } = await login(backend.url, 'supervisor');
    expect((await ingest('portal-access', { records: [access()] }, token)).status).toBe(401);
  });

  it('stores new records, counts repeats as duplicates and old ones as expired, and feeds dpo and supervisors only', async () => {
    const a = sms();
    const b = access({ action: 'login_failed' });
    const supervisor = await login(backend.url, 'supervisor');
    const { cursor } = await pullAll(backend.url, supervisor.token);
    expect((await ingest('sms', { records: [a, sms({ sentAt: ago(91) })] })).body).toEqual({ accepted: 1, duplicate: 0, expired: 1 });
    expect((await ingest('sms', { records: [a, a] })).body).toEqual({ accepted: 0, duplicate: 2, expired: 0 });
    expect((await ingest('portal-access', { records: [b] })).body).toEqual({ accepted: 1, duplicate: 0, expired: 0 });

    const seen = (await pullAll(backend.url, supervisor.token, 500, cursor)).events;
    expect(seen.map((e) => e.type)).toEqual(['sms.logged', 'portal.logged']);
    expect(seen[1]).toMatchObject({ type: 'portal.logged', access: { id: b.id, customerNumber: b.customerNumber, ip: b.ip, action: 'login_failed' } });
    const dpo = await login(backend.url, 'dpo');
    expect((await pullAll(backend.url, dpo.token)).events.filter((e) => e.type === 'portal.logged').map((e) => e.type === 'portal.logged' && e.access.id)).toContain(b.id);
    const agent = await login(backend.url, 'agent');
    expect((await pullAll(backend.url, agent.token)).events.filter((e) => e.type === 'sms.logged' || e.type === 'portal.logged')).toEqual([]);
  });

  it('refuses the whole call for one invalid record, naming each with index and field, and stores nothing', async () => {
    const good = sms();
    const known = sms();
    expect((await ingest('sms', { records: [known] })).status).toBe(200);
    const answer = await ingest('sms', {
      records: [
        good,
        sms({ ip: '010.0.0.1' }),
        sms({ customerNumber: '40-123' }),
        sms({ sentAt: new Date(clock.ms + 10 * 60_000).toISOString() }),
        { ...known, ip: '80.7.185.100' },
        sms({ extra: 'field' }),
      ],
    });
    expect(answer.status).toBe(400);
    expect(ApiError.parse(answer.body).error).toBe('invalid_request');
    const invalid = answer.body.invalid as { index: number; field: string }[];
    expect(invalid.map((i) => i.index)).toEqual([1, 2, 3, 5, 4].sort());
    expect(invalid.find((i) => i.index === 1)?.field).toBe('ip');
    expect(invalid.find((i) => i.index === 2)?.field).toBe('customerNumber');
    expect(invalid.find((i) => i.index === 3)?.field).toBe('sentAt');
    expect(invalid.find((i) => i.index === 4)?.field).toBe('id');
    // Nothing of that call, not even the good record, was stored.
    expect((await ingest('sms', { records: [good] })).body).toEqual({ accepted: 1, duplicate: 0, expired: 0 });
  });

  it('accepts a clock a few minutes ahead, and refuses empty, oversized or non-JSON calls', async () => {
    expect((await ingest('sms', { records: [sms({ sentAt: new Date(clock.ms + 4 * 60_000).toISOString() })] })).body).toMatchObject({ accepted: 1 });
    expect((await ingest('sms', { records: [] })).status).toBe(400);
    expect((await ingest('portal-access', { records: [access({ action: 'hacked' })] })).status).toBe(400);
    expect((await ingest('sms', '{"records": [')).status).toBe(400);
    const tooMany = { records: Array.from({ length: 10_001 }, () => sms()) };
    expect((await ingest('sms', tooMany)).status).toBe(400);
    const tooLarge = await ingest('sms', JSON.stringify({ records: [sms()], padding: 'x'.repeat(4 * 1024 * 1024) }));
    expect(tooLarge.status).toBe(413);
  });

  it('takes 10,000 records in one call', async () => {
    const records = Array.from({ length: 10_000 }, (_, i) => sms({ customerNumber: String(4_000_000_000 + i), sentAt: ago(1 + (i % 80)) }));
    expect((await ingest('sms', { records })).body).toEqual({ accepted: 10_000, duplicate: 0, expired: 0 });
  });
});
