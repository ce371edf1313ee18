// SYNC_API 1.1 intake over real HTTP on both drivers: every field's validation with German
// messages, nothing stored from an invalid form, the phone normalised, the request in the
// feed at once with its reference, idempotency, the rate limit and the size limit.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimResponse, type FeedEvent } from '../../shared/sync-api';
import { IntakeResponse } from '../../shared/intake';
import { requests } from '../db/schema';
import { type RunningBackend } from '../server';
import { call, login, newEventId, pullAll, startTestBackend, TEST_DRIVERS, type TestClock } from '../test-support';
import { REFERENCE_PATTERN } from '../lifecycle/reference';

/** 2026-11-24T09:15Z is a Tuesday: today and the coming days are service days. */
describe.each(TEST_DRIVERS)('%s', (driver) => {
  let backend: RunningBackend;
  let clock: TestClock;
  beforeAll(async () => {
    ({ backend, clock } = await startTestBackend({ driver, demo: false, intakePerMinute: 0 }));
  });
  afterAll(() => backend.close());

  const consent = () => ({ noticeVersion: '2026-11', at: new Date(clock.ms - 60_000).toISOString() });
  const callback = (over: Record<string, unknown> = {}) => ({
    salutation: 'Frau',
    name: 'Elif Şahin',
    phone: '0234 960-1234',
    preferredDate: '2026-11-25',
    preferredWindow: { from: '09:00', to: '11:30' },
    topic: 'billing',
    note: 'Bitte vormittags.',
    consent: consent(),
    ...over,
  });
  const message = (over: Record<string, unknown> = {}) => ({
    salutation: null,
    name: 'Jörg Nowak',
    email: 'joerg.nowak@example.de',
    category: 'online_access',
    subject: 'Online-Zugang löschen',
    message: 'Bitte meinen Zugang löschen.',
    consent: consent(),
    ...over,
  });

  async function send(kind: string, body: unknown, headers: Record<string, string> = {}, target = backend) {
    const res = await fetch(`${target.url}/api/v1/intake/${kind}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
  }
  const stored = async () => (await backend.database.db.select({ id: requests.id }).from(requests)).length;

  it('stores a callback with the phone in E.164 and the consent; in the feed at once with its reference; the claim shows what was sent', async () => {
    const agent = await login(backend.url, 'agent');
    const { cursor } = await pullAll(backend.url, agent.token);
    const answer = await send('callback', callback());
    expect(answer.status).toBe(201);
    const created = IntakeResponse.parse(answer.body);
    expect(created.reference).toMatch(REFERENCE_PATTERN);
    const events = (await pullAll(backend.url, agent.token, 500, cursor)).events;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'request.queued', request: { id: created.id, kind: 'callback', reference: created.reference, summary: { preferredDate: '2026-11-25', preferredWindow: { from: '09:00', to: '11:30' }, topic: 'billing' } } });
    expect(JSON.stringify(events)).not.toContain('Şahin');
    const claim = ClaimResponse.parse((await call(backend.url, 'POST', `/api/v1/requests/${created.id}/claim`, agent.token, { eventId: newEventId() })).body);
    expect(claim.request.payload).toMatchObject({ salutation: 'Frau', name: 'Elif Şahin', phone: '+492349601234', note: 'Bitte vormittags.' });
    const [row] = await backend.database.db.select().from(requests).where(eq(requests.id, created.id));
    expect(row).toMatchObject({ consentNoticeVersion: '2026-11', consentAt: new Date(clock.ms - 60_000) });
  });

  it('stores contact, dpo and equality messages; each reaches only who may see its kind', async () => {
    const ids: Record<string, string> = {};
    for (const kind of ['contact', 'dpo', 'equality']) {
      const answer = await send(kind, message({ category: kind === 'contact' ? 'online_access' : 'other' }));
      expect(answer.status, kind).toBe(201);
      ids[kind] = IntakeResponse.parse(answer.body).id;
    }
    const queuedIds = async (user: string) =>
      (await pullAll(backend.url, (await login(backend.url, user)).token)).events.flatMap((e: FeedEvent) => (e.type === 'request.queued' ? [e.request.id] : []));
    expect(await queuedIds('agent')).toContain(ids.contact);
    expect(await queuedIds('agent')).not.toContain(ids.dpo);
    expect(await queuedIds('dpo')).toEqual([ids.dpo]);
    expect(await queuedIds('equality')).toEqual([ids.equality]);
  });

  it('refuses every invalid field at once with a German message at its dotted path, and stores nothing', async () => {
    const before = await stored();
    const cases: [string, Record<string, unknown>, string[]][] = [
      ['callback', callback({ name: '   ' }), ['name']],
      ['callback', callback({ name: 'x'.repeat(101) }), ['name']],
      ['callback', callback({ phone: '12345' }), ['phone']],
      ['callback', callback({ phone: '+44 20 7946 0958' }), ['phone']],
      ['callback', callback({ preferredDate: '2026-11-23' }), ['preferredDate']],
      ['callback', callback({ preferredDate: '2026-12-26' }), ['preferredDate']],
      ['callback', callback({ preferredDate: '2026-11-28' }), ['preferredDate']],
      ['callback', callback({ preferredWindow: { from: '09:15', to: '10:00' } }), ['preferredWindow.from']],
      ['callback', callback({ preferredWindow: { from: '11:00', to: '10:00' } }), ['preferredWindow.to']],
      ['callback', callback({ preferredWindow: { from: '08:00', to: '12:30' } }), ['preferredWindow.to']],
      ['callback', callback({ preferredWindow: { from: '17:00', to: '18:30' } }), ['preferredWindow.to']],
      ['callback', callback({ topic: 'online_access' }), ['topic']],
      ['callback', callback({ note: 'n'.repeat(5001) }), ['note']],
      ['callback', callback({ salutation: 'Dr.' }), ['salutation']],
      ['callback', callback({ consent: undefined }), ['consent']],
      ['callback', callback({ consent: { noticeVersion: '', at: consent().at } }), ['consent.noticeVersion']],
      ['callback', callback({ consent: { noticeVersion: '2026-11', at: new Date(clock.ms - 25 * 3_600_000).toISOString() } }), ['consent.at']],
      ['callback', callback({ extra: 1 }), ['(form)']],
      ['contact', message({ email: 'kein-at-zeichen' }), ['email']],
      ['contact', message({ subject: 's'.repeat(201) }), ['subject']],
      ['contact', message({ message: 'm'.repeat(5001) }), ['message']],
      ['contact', message({ category: 'pizza' }), ['category']],
      ['dpo', message({ name: '', email: 'x', message: '' }), ['name', 'email', 'message']],
    ];
    for (const [kind, body, paths] of cases) {
      const answer = await send(kind, body);
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      const fields = answer.body.fields as Record<string, string>;
      expect(Object.keys(fields).sort(), JSON.stringify(fields)).toEqual(expect.arrayContaining(paths));
      for (const text of Object.values(fields)) expect(text).toMatch(/[A-ZÄÖÜ][a-zäöüß]/);
    }
    expect(await stored()).toBe(before);
    // German messages, e.g. for the window and the phone.
    const window = await send('callback', callback({ preferredWindow: { from: '08:00', to: '12:30' } }));
    expect((window.body.fields as Record<string, string>)['preferredWindow.to']).toContain('4 Stunden');
    const phone = await send('callback', callback({ phone: '12345' }));
    expect((phone.body.fields as Record<string, string>).phone).toContain('Telefonnummer');
  });

  it('with the same Idempotency-Key: the same 201 and one request; with another form under that key: 409', async () => {
    const key = randomUUID();
    const form = callback();
    const first = await send('callback', form, { 'idempotency-key': key });
    const before = await stored();
    const again = await send('callback', form, { 'idempotency-key': key });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await stored()).toBe(before);
    const other = await send('callback', callback({ name: 'Someone Else' }), { 'idempotency-key': key });
    expect(other.status).toBe(409);
    expect(other.body.error).toBe('idempotency_conflict');
    // Per endpoint: the same key on another form is another form.
    expect((await send('contact', message(), { 'idempotency-key': key })).status).toBe(201);
    // Ten copies of one form at once: one request.
    const burstKey = randomUUID();
    const burst = await Promise.all(Array.from({ length: 10 }, () => send('callback', form, { 'idempotency-key': burstKey })));
    expect(new Set(burst.map((b) => (b.body as { id: string }).id)).size).toBe(1);
    expect(burst.every((b) => b.status === 201)).toBe(true);
    // After 24 hours the key is forgotten.
    clock.advance(24 * 3600 + 1);
    const later = await send('callback', { ...form, preferredDate: '2026-11-26', consent: consent() }, { 'idempotency-key': key });
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
  });

  it('refuses a form over 32 KiB with 413 at once', async () => {
    const answer = await send('contact', JSON.stringify({ ...message(), message: 'x'.repeat(40 * 1024) }));
    expect(answer.status).toBe(413);
    expect(answer.body.error).toBe('too_large');
  });

  it('limits forms per client address and minute with 429 and Retry-After', async () => {
    const { backend: limited, clock: limitedClock } = await startTestBackend({ driver, demo: false, intakePerMinute: 3, trustProxy: '127.0.0.1' });
    try {
      const from = (address: string) => ({ 'x-forwarded-for': address });
      const form = message({ consent: { noticeVersion: '2026-11', at: new Date(limitedClock.ms).toISOString() } });
      for (let i = 0; i < 3; i++) expect((await send('contact', form, from('203.0.113.5'), limited)).status).toBe(201);
      const refused = await send('contact', form, from('203.0.113.5'), limited);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      // Another address is not affected; the next minute the first one may send again.
      expect((await send('contact', form, from('203.0.113.6'), limited)).status).toBe(201);
      limitedClock.advance(60);
      expect((await send('contact', form, from('203.0.113.5'), limited)).status).toBe(201);
    } finally {
      await limited.close();
    }
  });
});
