import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../shared/sync-api';
import { DEFAULT_DEMO, startBackend, type RunningBackend } from './server';
import { call, login, pullAll, queuedOf } from './test-support';

let backend: RunningBackend | undefined;
afterEach(async () => {
  await backend?.close();
  backend = undefined;
});

describe('startBackend', () => {
  it('listens on 127.0.0.1 with the default demo data when no counts are given', async () => {
    backend = await startBackend();
    expect(backend.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const stats = backend.stats();
    expect(stats.requests).toMatchObject({ callback: DEFAULT_DEMO.callbacks, contact: DEFAULT_DEMO.contacts, dpo: DEFAULT_DEMO.dpo, equality: DEFAULT_DEMO.equality });
    expect(stats.sms.records).toBe(DEFAULT_DEMO.sms);
  });

  it('keeps generating arrivals in the background when asked to', async () => {
    backend = await startBackend({ demo: { callbacks: 1 }, arrivalsPerMinute: 1200 });
    const before = backend.stats().requests.total;
    await new Promise((resolve) => setTimeout(resolve, 400));
    const stats = backend.stats();
    expect(stats.requests.total).toBeGreaterThan(before + 2);
    expect(stats.sms.records).toBe((stats.requests.total - before) * 3);
  });

  it('adds data through /__admin/generate, visible in the feed', async () => {
    backend = await startBackend({ demo: {} });
    const answer = await call(backend.url, 'POST', '/__admin/generate', undefined, { callbacks: 4, equality: 2, sms: 10 });
    expect(answer.status).toBe(200);
    const { token } = await login(backend.url, 'supervisor');
    const { events } = await pullAll(backend.url, token);
    expect(queuedOf(events)).toHaveLength(6);
    expect(events.filter((e) => e.type === 'sms.logged')).toHaveLength(10);
    const bad = await call(backend.url, 'POST', '/__admin/generate', undefined, { callbacks: -1 });
    expect(bad.status).toBe(400);
  });

  it('answers 413 to an oversized body and can be closed twice', async () => {
    backend = await startBackend({ demo: {} });
    const huge = JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'y', workstation: 'z' });
    const answer = await call(backend.url, 'POST', '/api/v1/session', undefined, huge);
    expect(answer.status).toBe(413);
    expect(ApiError.parse(answer.body).error).toBe('invalid_request');
    await backend.close();
    await backend.close();
  });
});
