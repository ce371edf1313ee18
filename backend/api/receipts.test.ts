// Purge receipts and audit heads (issue 14): only the workstation that held the data can give a
// receipt for it, and an audit head is accepted only if it extends the last one. Every forgery
// of the security review is tried here and must be refused.
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type AuditChainEntry, ReceiptsResponse } from '../../shared/sync-api';
import { type RunningBackend } from '../server';
import { backendAuditHead } from '../testing/inspect';
import { call, login, newEventId, pullAll, queuedOf, startTestBackend, TEST_DRIVERS, type TestClock } from '../test-support';

/** Audit chain entries as a workstation builds them (electron/core/audit/audit-log.ts). */
function chain(count: number, from = { seq: 0, hash: '0'.repeat(64) }): { entries: AuditChainEntry[]; head: { seq: number; hash: string } } {
  const entries: AuditChainEntry[] = [];
  let head = from;
  for (let i = 1; i <= count; i++) {
    const entry: AuditChainEntry = { seq: head.seq + 1, at: `2026-11-24T09:${String(i % 60).padStart(2, '0')}:00.000Z`, actor: 'agent', action: 'request.close', subject: randomUUID(), details: '{}' };
    const hash = createHash('sha256').update(JSON.stringify([head.hash, entry.seq, entry.at, entry.actor, entry.action, entry.subject, entry.details])).digest('hex');
    entries.push(entry);
    head = { seq: entry.seq, hash };
  }
  return { entries, head };
}

describe.each(TEST_DRIVERS)('%s', (driver) => {
  let backend: RunningBackend;
  let clock: TestClock;
  let callbacks: string[];

  beforeAll(async () => {
    ({ backend, clock } = await startTestBackend({ driver, leaseSeconds: 600 }));
    const { token } = await login(backend.url, 'supervisor');
    callbacks = queuedOf((await pullAll(backend.url, token)).events, 'callback').map((e) => e.request.id);
  });
  afterAll(() => backend.close());

  const post = (token: string, body: unknown) => call(backend.url, 'POST', '/api/v1/receipts', token, body);
  const iso = (offsetSeconds = 0) => new Date(clock.ms + offsetSeconds * 1000).toISOString();
  /** Claims an untouched callback for this session: the workstation now holds it. */
  async function held(token: string): Promise<string> {
    const id = callbacks.shift();
    if (!id) throw new Error('no untouched callback left');
    expect((await call(backend.url, 'POST', `/api/v1/requests/${id}/claim`, token, { eventId: newEventId() })).status).toBe(200);
    return id;
  }

  describe('POST /api/v1/receipts', () => {
    it('records receipts for what the workstation held and shows them to supervisors', async () => {
      const dpo = await login(backend.url, 'dpo');
      const supervisor = await login(backend.url, 'supervisor');
      const { cursor } = await pullAll(backend.url, supervisor.token);
      const agent = await login(backend.url, 'agent');
      const requestId = await held(agent.token);
      const request = { requestId, purgedAt: iso(1), rule: 'callback_closed' };
      const sms = { smsBefore: iso(-90 * 86_400), purgedAt: iso(2), rule: 'sms_90_days' };
      expect(ReceiptsResponse.parse((await post(agent.token, { receipts: [request] })).body)).toEqual({ recorded: 1 });
      expect(ReceiptsResponse.parse((await post(dpo.token, { receipts: [sms] })).body)).toEqual({ recorded: 1 });

      const { events } = await pullAll(backend.url, supervisor.token, 100, cursor);
      expect(events.filter((e) => e.type === 'receipt.recorded')).toEqual([
        expect.objectContaining({ receipt: { ...request, workstation: agent.workstation } }),
        expect.objectContaining({ receipt: { ...sms, workstation: dpo.workstation } }),
      ]);
    });

    it('is idempotent: the same receipt from the same workstation counts once', async () => {
      const agent = await login(backend.url, 'agent');
      const requestId = await held(agent.token);
      const before = (await backend.stats()).receipts;
      const body = { receipts: [{ requestId, purgedAt: iso(1), rule: 'released' }] };
      expect((await post(agent.token, body)).body).toEqual({ recorded: 1 });
      expect((await post(agent.token, body)).body).toEqual({ recorded: 1 });
      // Another purge time for the same subject and rule is the same proof, re-sent.
      expect((await post(agent.token, { receipts: [{ ...body.receipts[0], purgedAt: iso(60) }] })).status).toBe(200);
      expect((await backend.stats()).receipts).toBe(before + 1);
    });

    it("refuses a receipt for a request the workstation never held (the review's forgery) and logs it", async () => {
      const p = await login(backend.url, 'agent');
      const requestId = await held(p.token);
      // agent2 on a workstation of its own sends a receipt for P's request: refused, not recorded.
      const agent2 = await login(backend.url, 'agent2');
      const supervisor = await login(backend.url, 'supervisor');
      const { cursor } = await pullAll(backend.url, supervisor.token);
      const before = (await backend.stats()).receipts;
      const answer = ReceiptsResponse.parse((await post(agent2.token, { receipts: [{ requestId, purgedAt: iso(1), rule: 'case_closed' }, { requestId: randomUUID(), purgedAt: iso(1), rule: 'case_closed' }] })).body);
      expect(answer).toEqual({ recorded: 0, refused: [expect.objectContaining({ index: 0 }), expect.objectContaining({ index: 1 })] });
      expect((await backend.stats()).receipts).toBe(before);
      expect((await pullAll(backend.url, supervisor.token, 100, cursor)).events.filter((e) => e.type === 'receipt.recorded')).toEqual([]);
      // And it cannot log in as P: P's id is in every request.claimed event, its secret is not.
      const asP = await call(backend.url, 'POST', '/api/v1/session', undefined, { username: 'agent2', password: 'agent2', workstation: p.workstation });
      expect(ApiError.parse(asP.body)).toMatchObject({ error: 'forbidden', reason: 'workstation_secret_required' });
    });

    it('refuses implausible times: ahead of the clock, before the workstation held the request', async () => {
      const agent = await login(backend.url, 'agent');
      const requestId = await held(agent.token);
      const answer = ReceiptsResponse.parse(
        (await post(agent.token, { receipts: [{ requestId, purgedAt: iso(3600), rule: 'callback_closed' }, { requestId, purgedAt: iso(-3600), rule: 'callback_closed' }, { requestId, purgedAt: iso(), rule: 'callback_closed' }] })).body,
      );
      expect(answer.recorded).toBe(1);
      expect(answer.refused?.map((r) => r.index)).toEqual([0, 1]);
    });

    it('refuses SMS receipts from a workstation whose user never receives the SMS log', async () => {
      const agent = await login(backend.url, 'agent');
      const answer = ReceiptsResponse.parse((await post(agent.token, { receipts: [{ smsBefore: iso(-90 * 86_400), purgedAt: iso(), rule: 'sms_90_days' }] })).body);
      expect(answer).toEqual({ recorded: 0, refused: [expect.objectContaining({ index: 0 })] });
    });

    it('keeps receipts out of the feeds of agents and officers', async () => {
      const agent = await login(backend.url, 'agent');
      const dpo = await login(backend.url, 'dpo');
      for (const token of [agent.token, dpo.token]) {
        expect((await pullAll(backend.url, token)).events.some((e) => e.type === 'receipt.recorded')).toBe(false);
      }
    });

    it('answers 400 invalid_request to a malformed batch or an unknown rule, recording nothing', async () => {
      const agent = await login(backend.url, 'agent');
      const requestId = await held(agent.token);
      const before = (await backend.stats()).receipts;
      for (const body of [
        {},
        { receipts: [] },
        { receipts: [{ requestId: 'nope', purgedAt: iso(), rule: 'callback_closed' }] },
        { receipts: [{ purgedAt: iso(), rule: 'callback_closed' }] },
        { receipts: [{ requestId, purgedAt: iso(), rule: 'whatever_i_like' }] },
      ]) {
        const answer = await post(agent.token, body);
        expect(answer.status).toBe(400);
        expect(ApiError.parse(answer.body).error).toBe('invalid_request');
      }
      expect((await backend.stats()).receipts).toBe(before);
      expect((await call(backend.url, 'POST', '/api/v1/receipts', undefined, { receipts: [] })).status).toBe(401);
    });
  });

  describe('POST /api/v1/audit-head', () => {
    const send = (token: string, body: unknown) => call(backend.url, 'POST', '/api/v1/audit-head', token, body);

    it('accepts a chain from its start, then only heads that extend it', async () => {
      const agent = await login(backend.url, 'agent');
      const first = chain(3);
      expect((await send(agent.token, first)).body).toEqual({ status: 'accepted' });
      expect(await backendAuditHead(backend.database.db, agent.workstation)).toBe(first.head.hash);
      const next = chain(2, first.head);
      expect((await send(agent.token, next)).body).toEqual({ status: 'accepted' });
      // The same head again, with nothing in between: still the same chain.
      expect((await send(agent.token, { head: next.head, entries: [] })).status).toBe(200);
      expect(await backendAuditHead(backend.database.db, agent.workstation)).toBe(next.head.hash);
    });

    it('refuses a head that overwrites, skips or forges, keeps the old one and tells the supervisors', async () => {
      const agent = await login(backend.url, 'agent');
      const supervisor = await login(backend.url, 'supervisor');
      const good = chain(4);
      expect((await send(agent.token, good)).status).toBe(200);
      const { cursor } = await pullAll(backend.url, supervisor.token);

      const rebuilt = chain(6); // a chain rewritten from the start: same length and more, other hashes
      const skipped = chain(2, { seq: good.head.seq + 3, hash: good.head.hash }); // entries missing in between
      const tampered = chain(2, good.head);
      tampered.entries[0] = { ...tampered.entries[0]!, action: 'login' }; // an entry changed after hashing
      const bare = { head: { seq: 9, hash: 'f'.repeat(64) }, entries: [] }; // a bare head, as 1.0 allowed
      for (const forged of [rebuilt, skipped, tampered, bare]) {
        const answer = await send(agent.token, forged);
        expect(answer.status).toBe(409);
        expect(answer.body).toMatchObject({ reason: 'audit_head_refused', expected: good.head });
      }
      expect(await backendAuditHead(backend.database.db, agent.workstation)).toBe(good.head.hash);
      const refused = (await pullAll(backend.url, supervisor.token, 100, cursor)).events.filter((e) => e.type === 'audit.refused');
      expect(refused).toHaveLength(4);
      expect(refused[0]).toMatchObject({ workstation: agent.workstation, expected: good.head, offered: rebuilt.head });
      // Not for agents: the broken chains are the supervisors' business.
      expect((await pullAll(backend.url, agent.token)).events.some((e) => e.type === 'audit.refused')).toBe(false);
    });

    it('refuses a first head without the chain from its start', async () => {
      const agent = await login(backend.url, 'agent');
      const answer = await send(agent.token, { head: { seq: 5, hash: 'e'.repeat(64) }, entries: [] });
      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({ reason: 'audit_head_refused', expected: null });
    });

    it('answers 400 to a malformed proof', async () => {
      const agent = await login(backend.url, 'agent');
      for (const body of [{}, { head: { seq: 1, hash: 'xyz' }, entries: [] }, { head: { seq: 1, hash: 'a'.repeat(64) } }]) {
        expect((await send(agent.token, body)).status).toBe(400);
      }
    });
  });
});
