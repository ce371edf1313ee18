// Issue 5, item 1: a `dpo` case only for the data-protection officer, an `equality` case only for
// the equal-treatment officer. Every channel that touches a case, called as every demo user on a
// case of each kind, against ONE table. The case's queue row is planted in every user's database
// (as if the feed had leaked it), so the refusal is the core's own, not the feed filter's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBackend } from '../../../backend/server';
import { startBackendForTest } from '../../../backend/testing/test-backend';
import type { Role } from '../../../shared/domain';
import type { Desk } from '../desk';
import { requests } from '../db/schema';
import { DeskError } from '../desk-error';
import { berlinDate, shiftDate } from '../time/berlin';
import { eq } from 'drizzle-orm';
import { demoDesk } from '../test-support/demo-desk';

type OfficerKind = 'dpo' | 'equality';
type Verdict = 'works' | 'entry only' | 'refused';

/** The table: per channel, who gets what on a case of each kind. */
const OFFICE: Record<OfficerKind, Role> = { dpo: 'dpo', equality: 'equality' };
const TABLE: Record<string, (kind: OfficerKind, roles: readonly Role[]) => Verdict> = {
  'officer.cases': own,
  'request.claim': own,
  'officer.case': own,
  // Supervisors see every queue entry, never its personal data (DESIGN.md).
  'request.detail': (kind, roles) => (own(kind, roles) === 'works' ? 'works' : roles.includes('supervisor') ? 'entry only' : 'refused'),
  'officer.addNote': own,
  'request.forward': own,
  'request.release': own,
  'request.claim#again': own,
  'request.close': own,
};
function own(kind: OfficerKind, roles: readonly Role[]): Verdict {
  return roles.includes(OFFICE[kind]) ? 'works' : 'refused';
}

const USERS: { username: string; roles: readonly Role[] }[] = [
  { username: 'agent', roles: ['agent'] },
  { username: 'dpo', roles: ['dpo'] },
  { username: 'equality', roles: ['equality'] },
  { username: 'supervisor', roles: ['supervisor'] },
  { username: 'lead', roles: ['agent', 'supervisor'] },
  { username: 'officer', roles: ['dpo', 'equality'] },
];

let backend: RunningBackend;
const desks: Desk[] = [];
const spare: Record<OfficerKind, (typeof requests.$inferSelect)[]> = { dpo: [], equality: [] };

beforeAll(async () => {
  backend = await startBackendForTest({ seed: 5, demo: { callbacks: 1, contacts: 1, dpo: 8, equality: 8, sms: 0 } });
  const reader = await deskFor('officer');
  await reader.invoke('sync.now', {});
  for (const kind of ['dpo', 'equality'] as const) spare[kind] = reader.db.select().from(requests).where(eq(requests.kind, kind)).all();
});
afterAll(async () => {
  await Promise.all(desks.map((d) => d.close()));
  await backend.close();
});

const deskFor = (username: string): Promise<Desk> => demoDesk(desks, backend.url, username);

async function verdictOf(desk: Desk, channel: string, requestId: string): Promise<Verdict> {
  const name = channel.replace(/#.*/, '');
  const until = shiftDate(berlinDate(new Date()), 30);
  const inputs: Record<string, unknown> = {
    'officer.cases': {},
    'officer.addNote': { requestId, text: 'Rückruf der Betroffenen vereinbart' },
    'request.forward': { requestId, department: 'other' },
    'request.close': { requestId, outcome: 'resolved', retention: { reason: 'proof', until, note: 'Nachweis der Auskunft' } },
  };
  try {
    const result = (await desk.handle(name, inputs[name] ?? { requestId })) as Record<string, unknown> | Record<string, unknown>[];
    if (name === 'officer.cases') return (result as { id: string }[]).some((r) => r.id === requestId) ? 'works' : 'refused';
    if (name === 'request.detail') return (result as { personal: unknown }).personal ? 'works' : 'entry only';
    if (name === 'officer.case') expect((result as { detail: { personal: unknown } }).detail.personal).not.toBeNull();
    if ('delivery' in result) expect(result.delivery, channel).toBe('sent');
    return 'works';
  } catch (error) {
    expect(error, channel).toBeInstanceOf(DeskError);
    expect(['forbidden', 'not_found'], `${channel}: ${(error as DeskError).message}`).toContain((error as DeskError).code);
    return 'refused';
  }
}

describe('officer cases: every channel that touches them × every role × both kinds, from one table', () => {
  for (const user of USERS) {
    for (const kind of ['dpo', 'equality'] as const) {
      it(`${user.username} on a ${kind} case`, async () => {
        const desk = await deskFor(user.username);
        const row = spare[kind].pop();
        expect(row, 'enough demo cases').toBeDefined();
        desk.db.insert(requests).values({ ...row!, status: 'open' }).onConflictDoNothing().run();
        const verdicts: Record<string, Verdict> = {};
        const expected: Record<string, Verdict> = {};
        for (const [channel, rule] of Object.entries(TABLE)) {
          verdicts[channel] = await verdictOf(desk, channel, row!.id);
          expected[channel] = rule(kind, user.roles);
        }
        expect(verdicts).toEqual(expected);
        // A refused user never got the case's personal data; its own officer closed it retained for
        // proof, which the backend keeps (issue 16): no copy stays on any desk.
        const held = desk.db.$client.prepare('SELECT count(*) AS n FROM personal_data').get() as { n: number };
        expect(held.n).toBe(0);
      });
    }
  }
});
