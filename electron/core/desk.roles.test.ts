// Issue 6, item 3: every channel of the contract, called as every role (and logged out), is
// allowed or refused exactly as ONE policy table below says. The table is written out on
// purpose instead of read from the contract's `access`: loosening a channel's access in
// shared/channels/ must fail here until this table is changed too, in review.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type RunningBackend } from '../../backend/server';
import { CHANNEL_NAMES } from '../../shared/contract';
import type { Role } from '../../shared/domain';
import { openDesk, type Desk } from './desk';
import { DeskError } from './desk-error';
import { tempDir } from './test-support/fixtures';

type Who = Role | 'loggedOut';
const PUBLIC: readonly Who[] = ['loggedOut', 'agent', 'dpo', 'equality', 'supervisor'];
const LOGGED_IN: readonly Who[] = ['agent', 'dpo', 'equality', 'supervisor'];
const WORKERS: readonly Who[] = ['agent', 'dpo', 'equality'];

/** The policy: who may call which channel, and a valid input to call it with. */
const POLICY: Record<string, { allowed: readonly Who[]; input: () => unknown }> = {
  'app.config': { allowed: PUBLIC, input: () => ({}) },
  'session.current': { allowed: PUBLIC, input: () => ({}) },
  'session.login': { allowed: PUBLIC, input: () => ({ backendUrl: backend.url, username: 'nobody', password: 'wrong' }) },
  'session.logout': { allowed: PUBLIC, input: () => ({}) },
  'queue.list': { allowed: LOGGED_IN, input: () => ({}) },
  'queue.retryRules': { allowed: LOGGED_IN, input: () => ({}) },
  'queue.setRetryRules': { allowed: ['supervisor'], input: () => ({ maxAttempts: 3, minGapMinutes: 30 }) },
  'request.detail': { allowed: LOGGED_IN, input: () => ({ requestId: randomUUID() }) },
  'request.claim': { allowed: WORKERS, input: () => ({ requestId: randomUUID() }) },
  'request.attempt': { allowed: ['agent'], input: () => ({ requestId: randomUUID(), disposition: 'no_answer' }) },
  'request.forward': { allowed: WORKERS, input: () => ({ requestId: randomUUID(), department: 'billing' }) },
  'request.release': { allowed: WORKERS, input: () => ({ requestId: randomUUID() }) },
  'request.close': { allowed: WORKERS, input: () => ({ requestId: randomUUID(), outcome: 'resolved' }) },
  'retention.sweep': { allowed: LOGGED_IN, input: () => ({}) },
  'sync.now': { allowed: LOGGED_IN, input: () => ({}) },
  'sync.state': { allowed: LOGGED_IN, input: () => ({}) },
  'sms.lookup': { allowed: ['dpo', 'supervisor'], input: () => ({ customerNumber: '4711', caseRef: 'AZ-2026-1', purpose: 'Missbrauchsprüfung' }) },
  // The officers' desk (issue 5); case-level refusals are in officer/officer-access.roles.test.ts.
  'officer.cases': { allowed: ['dpo', 'equality'], input: () => ({}) },
  'officer.case': { allowed: ['dpo', 'equality'], input: () => ({ requestId: randomUUID() }) },
  'officer.addNote': { allowed: ['dpo', 'equality'], input: () => ({ requestId: randomUUID(), text: 'Rückfrage' }) },
  'disclosure.create': { allowed: ['dpo'], input: () => ({ caseRef: 'DS-2026-1', smsIds: ['x'], authority: 'Polizei Bochum', authorityRef: 'AZ 1/26', legalBasis: '§ 100g StPO' }) },
  'disclosure.list': { allowed: ['dpo', 'supervisor'], input: () => ({}) },
  'disclosure.detail': { allowed: ['dpo', 'supervisor'], input: () => ({ disclosureId: randomUUID() }) },
  'disclosure.decide': { allowed: ['supervisor'], input: () => ({ disclosureId: randomUUID(), decision: 'approved' }) },
  'disclosure.export': { allowed: ['dpo', 'supervisor'], input: () => ({ disclosureId: randomUUID() }) },
  'disclosure.hold': { allowed: ['dpo'], input: () => ({ disclosureId: randomUUID(), until: '2026-12-31', note: 'Strafverfahren' }) },
};

/** Demo users by role (backend/demo-users.ts); the multi-role users get the union of their roles. */
const USERS: { username: string | null; roles: readonly Who[] }[] = [
  { username: null, roles: ['loggedOut'] },
  { username: 'agent', roles: ['agent'] },
  { username: 'dpo', roles: ['dpo'] },
  { username: 'equality', roles: ['equality'] },
  { username: 'supervisor', roles: ['supervisor'] },
  { username: 'lead', roles: ['agent', 'supervisor'] },
  { username: 'officer', roles: ['dpo', 'equality'] },
];

let backend: RunningBackend;
const desks: Desk[] = [];
beforeAll(async () => {
  backend = await startBackend({ seed: 3, demo: { callbacks: 3, contacts: 2, dpo: 1, equality: 1, sms: 5 } });
});
afterAll(async () => {
  await Promise.all(desks.map((d) => d.close()));
  await backend.close();
});

async function deskFor(username: string | null): Promise<Desk> {
  const desk = openDesk({ dataDir: tempDir(), host: 'web' });
  desks.push(desk);
  if (username) await desk.invoke('session.login', { backendUrl: backend.url, username, password: username });
  return desk;
}

const changes = (desk: Desk) => (desk.db.$client.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

describe('roles: every channel as every role, against one policy table', () => {
  it('the policy table covers every channel of the contract', () => {
    const missing = CHANNEL_NAMES.filter((name) => !POLICY[name]);
    expect(missing, 'add these channels to POLICY in electron/core/desk.roles.test.ts').toEqual([]);
  });

  // session.login and session.logout change who is calling: they go last.
  const order = [...CHANNEL_NAMES].sort((a, b) => Number(a.startsWith('session.log')) - Number(b.startsWith('session.log')) || a.localeCompare(b));

  for (const user of USERS) {
    it(`${user.username ?? 'logged out'} (${user.roles.join('+')})`, async () => {
      const desk = await deskFor(user.username);
      const verdicts: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const channel of order) {
        const policy = POLICY[channel];
        if (!policy) continue; // reported by the coverage test above
        const before = changes(desk);
        let code = 'ok';
        try {
          await desk.handle(channel, policy.input());
        } catch (error) {
          expect(error, channel).toBeInstanceOf(DeskError);
          code = (error as DeskError).code;
        }
        const refused = code === 'forbidden' || code === 'not_logged_in';
        verdicts[channel] = refused ? `refused (${code})` : 'allowed';
        expected[channel] = user.roles.some((role) => policy.allowed.includes(role))
          ? 'allowed'
          : `refused (${user.username ? 'forbidden' : 'not_logged_in'})`;
        // The input is valid, so an allowed call must get past the gate into its handler...
        expect(code, `${channel}: valid input refused as invalid`).not.toBe('invalid_input');
        // ...and a refused call must not have written anything.
        if (refused) expect(changes(desk), `${channel}: refused call wrote to the database`).toBe(before);
      }
      expect(verdicts).toEqual(expected);
    });
  }
});
