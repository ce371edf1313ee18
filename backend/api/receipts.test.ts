import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, ReceiptsResponse } from '../../shared/sync-api';
import { type RunningBackend } from '../server';
import { eq } from 'drizzle-orm';
import { auditHeads } from '../db/schema';
import { call, login, pullAll, startTestBackend, TEST_DRIVERS } from '../test-support';

describe.each(TEST_DRIVERS)('%s', (driver) => {
  let backend: RunningBackend;

  beforeAll(async () => {
    ({ backend } = await startTestBackend({ driver }));
  });
  afterAll(() => backend.close());

  const post = (token: string, body: unknown) => call(backend.url, 'POST', '/api/v1/receipts', token, body);

  describe('POST /api/v1/receipts', () => {
    it('records receipts with the session workstation and shows them to supervisors', async () => {
      const agent = await login(backend.url, 'agent');
      const supervisor = await login(backend.url, 'supervisor');
      const { cursor } = await pullAll(backend.url, supervisor.token);
      const requestId = randomUUID();
      const receipts = [
        { requestId, purgedAt: '2026-11-24T09:00:00Z', rule: 'callback_closed' },
        { smsBefore: '2026-08-26T00:00:00Z', purgedAt: '2026-11-24T09:00:01Z', rule: 'sms_90_days' },
      ];
      const answer = await post(agent.token, { receipts });
      expect(answer.status).toBe(200);
      expect(ReceiptsResponse.parse(answer.body)).toEqual({ recorded: 2 });

      const { events } = await pullAll(backend.url, supervisor.token, 100, cursor);
      expect(events).toEqual([
        expect.objectContaining({ type: 'receipt.recorded', receipt: { ...receipts[0], workstation: agent.workstation } }),
        expect.objectContaining({ type: 'receipt.recorded', receipt: { ...receipts[1], workstation: agent.workstation } }),
      ]);
    });

    it('is idempotent: the same receipt from the same workstation counts once', async () => {
      const agent = await login(backend.url, 'agent');
      const supervisor = await login(backend.url, 'supervisor');
      const { cursor } = await pullAll(backend.url, supervisor.token);
      const before = (await backend.stats()).receipts;
      const body = { receipts: [{ requestId: randomUUID(), purgedAt: '2026-11-24T09:00:00Z', rule: 'released' }] };
      expect((await post(agent.token, body)).body).toEqual({ recorded: 1 });
      expect((await post(agent.token, body)).body).toEqual({ recorded: 1 });
      // Another purge time for the same subject and rule is the same proof, re-sent.
      const resent = { receipts: [{ ...body.receipts[0], purgedAt: '2026-11-24T09:05:00Z' }] };
      expect((await post(agent.token, resent)).status).toBe(200);
      expect((await backend.stats()).receipts).toBe(before + 1);
      expect((await pullAll(backend.url, supervisor.token, 100, cursor)).events).toHaveLength(1);

      // Another workstation purging the same request is a receipt of its own.
      const laptop = await login(backend.url, 'agent');
      expect((await post(laptop.token, body)).status).toBe(200);
      expect((await backend.stats()).receipts).toBe(before + 2);
    });

    it('keeps receipts out of the feeds of agents and officers', async () => {
      const agent = await login(backend.url, 'agent');
      const dpo = await login(backend.url, 'dpo');
      for (const token of [agent.token, dpo.token]) {
        expect((await pullAll(backend.url, token)).events.some((e) => e.type === 'receipt.recorded')).toBe(false);
      }
    });

    it('remembers the audit head a workstation reports', async () => {
      const agent = await login(backend.url, 'agent');
      const auditHead = 'a'.repeat(64);
      expect((await post(agent.token, { receipts: [{ requestId: randomUUID(), purgedAt: '2026-11-24T09:00:00Z', rule: 'erased' }], auditHead })).status).toBe(200);
      expect((await backend.database.db.select().from(auditHeads).where(eq(auditHeads.workstation, agent.workstation)))[0]?.head).toBe(auditHead);
    });

    it('answers 400 invalid_request to a malformed batch', async () => {
      const agent = await login(backend.url, 'agent');
      for (const body of [{}, { receipts: [] }, { receipts: [{ requestId: 'nope', purgedAt: '2026-11-24T09:00:00Z', rule: 'x' }] }, { receipts: [{ purgedAt: '2026-11-24T09:00:00Z', rule: 'x' }] }]) {
        const answer = await post(agent.token, body);
        expect(answer.status).toBe(400);
        expect(ApiError.parse(answer.body).error).toBe('invalid_request');
      }
      expect((await call(backend.url, 'POST', '/api/v1/receipts', undefined, { receipts: [] })).status).toBe(401);
    });
  });
});
