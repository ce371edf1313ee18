// Issue 6, item 3: every channel of the contract, called as every role (and logged out), is
// allowed or refused exactly as ONE policy table below says. The table is written out on
// purpose instead of read from the contract's `access`: loosening a channel's access in
// shared/channels/ must fail here until this table is changed too, in review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBackend } from '../../backend/server';
import { startBackendForTest } from '../../backend/testing/test-backend';
import { CHANNEL_NAMES, contract } from '../../shared/contract';
import type { Role } from '../../shared/domain';
import type { Desk } from './desk';
import { DeskError } from './desk-error';
import { CHANNEL_SAMPLES } from './test-support/channel-samples';
import { demoDesk } from './test-support/demo-desk';

type Who = Role | 'loggedOut';
const PUBLIC: readonly Who[] = ['loggedOut', 'agent', 'dpo', 'equality', 'supervisor'];
const LOGGED_IN: readonly Who[] = ['agent', 'dpo', 'equality', 'supervisor'];
const WORKERS: readonly Who[] = ['agent', 'dpo', 'equality'];

/** The policy: who may call which channel. Valid inputs come from test-support/channel-samples.ts. */
const POLICY: Record<string, readonly Who[]> = {
  'app.config': PUBLIC,
  'session.current': PUBLIC,
  'session.login': PUBLIC,
  'session.logout': PUBLIC,
  'queue.list': LOGGED_IN,
  'queue.changes': LOGGED_IN,
  'queue.window': LOGGED_IN,
  'queue.counts': LOGGED_IN,
  'queue.retryRules': LOGGED_IN,
  'queue.setRetryRules': ['supervisor'],
  'agent.day': ['agent'],
  'request.detail': LOGGED_IN,
  'request.claim': WORKERS,
  'request.attempt': ['agent'],
  'request.forward': WORKERS,
  'request.release': WORKERS,
  'queue.held': WORKERS,
  'workstations.list': ['supervisor'],
  'workstations.retire': ['supervisor'],
  'retention.longPending': ['supervisor'],
  'retention.decideLong': ['supervisor'],
  'subject.read': ['dpo'],
  'subject.change': ['dpo'],
  'subject.search': ['dpo'],
  'subject.decide': ['dpo'],
  'subject.erasure': ['dpo'],
  'subject.erase': ['dpo'],
  'subject.confirmation': ['dpo'],
  'subject.report.read': ['dpo'],
  'subject.report.produce': ['dpo'],
  'subject.report.sent': ['dpo'],
  'subject.rights': ['dpo'],
  'subject.rectify': ['dpo'],
  'subject.restrict': ['dpo'],
  'subject.lift': ['dpo'],
  'subject.object': ['dpo'],
  'request.close': WORKERS,
  'request.viewRetained': WORKERS,
  'retention.sweep': LOGGED_IN,
  'retention.rules': LOGGED_IN,
  'retention.dryRun': ['supervisor'],
  'retention.changeRule': ['supervisor'],
  'retention.dashboard': ['supervisor'],
  'retention.holds': ['dpo', 'supervisor'],
  'retention.setSmsHold': ['dpo'],
  'retention.confirmSmsHold': ['supervisor'],
  'retention.rejectSmsHold': ['supervisor'],
  'retention.selfTest': ['supervisor'],
  'retention.export': ['supervisor'],
  'sync.now': LOGGED_IN,
  'sync.state': LOGGED_IN,
  'sms.lookup': ['dpo', 'supervisor'],
  'portal.lookup': ['dpo', 'supervisor'],
  'officer.cases': ['dpo', 'equality'],
  'officer.case': ['dpo', 'equality'],
  'officer.addNote': ['dpo', 'equality'],
  'officer.editNote': ['dpo', 'equality'],
  'disclosure.create': ['dpo'],
  'disclosure.list': ['dpo', 'supervisor'],
  'disclosure.detail': ['dpo', 'supervisor'],
  'disclosure.decide': ['supervisor'],
  'disclosure.export': ['dpo', 'supervisor'],
  'disclosure.hold': ['dpo'],
  'audit.list': ['supervisor'],
  'audit.export': ['supervisor'],
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
  backend = await startBackendForTest({ seed: 3, demo: { callbacks: 3, contacts: 2, dpo: 1, equality: 1, sms: 5 } });
});
afterAll(async () => {
  await Promise.all(desks.map((d) => d.close()));
  await backend.close();
});

const deskFor = (username: string | null): Promise<Desk> => demoDesk(desks, backend.url, username);

const changes = (desk: Desk) => (desk.db.$client.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

describe('roles: every channel as every role, against one policy table', () => {
  it('the policy table covers every channel of the contract', () => {
    const missing = CHANNEL_NAMES.filter((name) => !POLICY[name] || !CHANNEL_SAMPLES[name]);
    expect(missing, 'add these channels to POLICY here and to test-support/channel-samples.ts').toEqual([]);
  });

  // session.login and session.logout change who is calling: they go last.
  const order = [...CHANNEL_NAMES].sort((a, b) => Number(a.startsWith('session.log')) - Number(b.startsWith('session.log')) || a.localeCompare(b));

  for (const user of USERS) {
    it(`${user.username ?? 'logged out'} (${user.roles.join('+')})`, async () => {
      const desk = await deskFor(user.username);
      const verdicts: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const channel of order) {
        const allowed = POLICY[channel];
        const sample = CHANNEL_SAMPLES[channel];
        if (!allowed || !sample) continue; // reported by the coverage test above
        const before = changes(desk);
        const input = sample(backend.url);
        // The sample passes the contract, so the verdict below is the role check's (or the handler's).
        expect(contract[channel].input.safeParse(input).success, `${channel}: sample input is invalid`).toBe(true);
        let code = 'ok';
        try {
          await desk.handle(channel, input);
        } catch (error) {
          expect(error, channel).toBeInstanceOf(DeskError);
          code = (error as DeskError).code;
        }
        const refused = code === 'forbidden' || code === 'not_logged_in';
        verdicts[channel] = refused ? `refused (${code})` : 'allowed';
        expected[channel] = user.roles.some((role) => allowed.includes(role))
          ? 'allowed'
          : `refused (${user.username ? 'forbidden' : 'not_logged_in'})`;
        // A refused call must not have written anything.
        if (refused) expect(changes(desk), `${channel}: refused call wrote to the database`).toBe(before);
      }
      expect(verdicts).toEqual(expected);
    });
  }
});
