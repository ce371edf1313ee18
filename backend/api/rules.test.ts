// Rules in force at the backend (issue 16): a supervisor tightens a retention or retry rule, every
// role's feed carries the full set; a loosening, an out-of-limit value or a change without the role
// is refused, answered with a clear reason, and recorded at the backend.
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/sync-api';
import { RulesInForce } from '../../shared/rules';
import { ruleChanges } from '../db/schema';
import { type RunningBackend } from '../server';
import { call, login, pullAll, startTestBackend, TEST_DRIVERS, type TestClock } from '../test-support';

describe.each(TEST_DRIVERS)('%s', (driver) => {
  let backend: RunningBackend;
  let clock: TestClock;

  beforeAll(async () => {
    ({ backend, clock } = await startTestBackend({ driver, demo: { callbacks: 2 } }));
  });
  afterAll(() => backend.close());

  const post = (token: string, body: unknown) => call(backend.url, 'POST', '/api/v1/rules', token, body);
  const audit = () => backend.database.db.select().from(ruleChanges).orderBy(asc(ruleChanges.at));
  const periodOf = (rules: RulesInForce, key: string) => rules.retention.find((r) => r.key === key)?.period;

  it('answers the defaults from code before anyone changed a rule', async () => {
    const agent = await login(backend.url, 'agent');
    const answer = await call(backend.url, 'GET', '/api/v1/rules', agent.token);
    expect(answer.status).toBe(200);
    const rules = RulesInForce.parse(answer.body);
    expect(rules.version).toBe(0);
    expect(periodOf(rules, 'retention_proof')).toBe(3);
    expect(periodOf(rules, 'callback_expiry')).toBe(14);
    expect(rules.retry).toEqual({ maxAttempts: 3, minGapMinutes: 30, changedBy: null, changedAt: null });
    expect((await call(backend.url, 'GET', '/api/v1/rules')).status).toBe(401);
  });

  it('a supervisor tightens: the answer and every role’s feed carry the full set, with who and when', async () => {
    const supervisor = await login(backend.url, 'supervisor');
    const agent = await login(backend.url, 'agent');
    const dpo = await login(backend.url, 'dpo');
    const { cursor: agentCursor } = await pullAll(backend.url, agent.token);
    const { cursor: dpoCursor } = await pullAll(backend.url, dpo.token);

    const proof = await post(supervisor.token, { rule: 'retention', key: 'retention_proof', period: 1 });
    expect(proof.status).toBe(200);
    const retry = await post(supervisor.token, { rule: 'retry', maxAttempts: 2, minGapMinutes: 60 });
    expect(retry.status).toBe(200);
    const rules = RulesInForce.parse(retry.body);
    expect(rules.version).toBe(2);
    expect(periodOf(rules, 'retention_proof')).toBe(1);
    expect(rules.retention.find((r) => r.key === 'retention_proof')).toMatchObject({ changedBy: { userId: 'supervisor', displayName: 'Sina Schichtleitung' }, changedAt: new Date(clock.ms).toISOString().replace('.000Z', 'Z') });
    expect(rules.retry).toMatchObject({ maxAttempts: 2, minGapMinutes: 60, changedBy: { displayName: 'Sina Schichtleitung' } });

    for (const [token, cursor] of [
      [agent.token, agentCursor],
      [dpo.token, dpoCursor],
    ] as const) {
      const updates = (await pullAll(backend.url, token, 500, cursor)).events.filter((e) => e.type === 'rules.updated');
      expect(updates.map((e) => e.type === 'rules.updated' && e.rules.version)).toEqual([1, 2]);
      expect(updates.at(-1)).toMatchObject({ rules });
    }
    expect(RulesInForce.parse((await call(backend.url, 'GET', '/api/v1/rules', agent.token)).body)).toEqual(rules);
  });

  it('refuses a loosening past the limit, a fixed rule, bounds and a caller without the role, and records each refusal', async () => {
    const supervisor = await login(backend.url, 'supervisor');
    const agent = await login(backend.url, 'agent');
    const before = (await call(backend.url, 'GET', '/api/v1/rules', agent.token)).body;
    const refusedBefore = (await audit()).filter((r) => r.outcome === 'refused').length;

    const loosen = await post(supervisor.token, { rule: 'retention', key: 'retention_proof', period: 4 });
    expect(loosen.status).toBe(400);
    expect(ApiError.parse(loosen.body)).toMatchObject({ error: 'invalid_request', reason: 'rule_limit', detail: expect.stringContaining('höchstens 3 Jahre') });
    expect(ApiError.parse((await post(supervisor.token, { rule: 'retention', key: 'callback_closed', period: 0 })).body).detail).toMatch(/fest vorgegeben/);
    expect(ApiError.parse((await post(supervisor.token, { rule: 'retention', key: 'sms_log', period: -1 })).body).detail).toMatch(/ganze Zahl/);
    expect(ApiError.parse((await post(supervisor.token, { rule: 'retry', maxAttempts: 9, minGapMinutes: 30 })).body).detail).toMatch(/zwischen 1 und 5/);
    const byAgent = await post(agent.token, { rule: 'retention', key: 'retention_proof', period: 0 });
    expect(byAgent.status).toBe(403);
    expect(ApiError.parse(byAgent.body)).toMatchObject({ error: 'forbidden', reason: 'rule_change_forbidden' });
    expect((await post(supervisor.token, { rule: 'retention', key: 'retention_proof' })).status).toBe(400);

    expect((await call(backend.url, 'GET', '/api/v1/rules', agent.token)).body).toEqual(before);
    const refused = (await audit()).filter((r) => r.outcome === 'refused');
    expect(refused.length - refusedBefore).toBe(5);
    expect(refused.at(-5)).toMatchObject({ userId: 'supervisor', workstation: supervisor.workstation, change: { rule: 'retention', key: 'retention_proof', period: 4 }, reason: 'limit', version: null });
    expect(refused.at(-1)).toMatchObject({ userId: 'agent', reason: 'role' });
  });

  it('a supervisor may set a rule back up to its limit (the limit in code is what may not be passed)', async () => {
    const supervisor = await login(backend.url, 'supervisor');
    const answer = await post(supervisor.token, { rule: 'retention', key: 'retention_proof', period: 3 });
    expect(answer.status).toBe(200);
    expect(periodOf(RulesInForce.parse(answer.body), 'retention_proof')).toBe(3);
  });
});
