// Issue 6, item 7: every channel of the contract gets hundreds of invalid inputs (random values
// and, where test-support/channel-samples.ts has a valid input, that input with one field broken). Each must be refused with invalid_input and a German
// message, without writing anything, without echoing the value, and without crashing the core.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract } from '../../shared/contract';
import { openDesk, type Desk } from './desk';
import { DeskError } from './desk-error';
import { CHANNEL_SAMPLES } from './test-support/channel-samples';
import { tempDir } from './test-support/fixtures';
import { SCRIPTED_URL, scriptedBackend } from './test-support/scripted-backend';

const RUNS_PER_CHANNEL = Number(process.env.FUZZ_RUNS ?? 400);

let desk: Desk;
beforeAll(async () => {
  const backend = scriptedBackend({ id: 'u-lead', displayName: 'Lars Teamleitung', roles: ['agent', 'dpo', 'supervisor'] });
  desk = openDesk({ dataDir: tempDir(), host: 'web', fetch: backend.fetch });
  await desk.invoke('session.login', { backendUrl: SCRIPTED_URL, username: 'lead', password: 'lead' });
});
afterAll(() => desk.close());

const changes = () => (desk.db.$client.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

/** Hostile leaf values: wrong types, huge and odd strings, prototype keys, script. */
const nasty = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom('', ' ', '\u0000', '<script>alert(1)</script>', '../../etc/passwd', "'; DROP TABLE requests; --", 'x'.repeat(100_000), '__proto__', NaN, Infinity, -0, 2 ** 53, [], {}, null, true),
  fc.string({ unit: 'binary' }),
);

/** A valid input with one field replaced, removed, or an extra field added. */
function brokenSample(channel: string): fc.Arbitrary<unknown> {
  const sample = CHANNEL_SAMPLES[channel]?.(SCRIPTED_URL) ?? {};
  const keys = Object.keys(sample);
  return fc.oneof(
    keys.length ? fc.tuple(fc.constantFrom(...keys), nasty).map(([key, value]) => ({ ...sample, [key]: value })) : fc.constant(sample),
    keys.length ? fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(sample).filter(([k]) => k !== key))) : fc.constant(sample),
    fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), nasty).map(([key, value]) => ({ ...sample, [key]: value })),
    fc.constant(JSON.parse(`{"__proto__": {"polluted": true}${keys.length ? ',' : ''} ${JSON.stringify(sample).slice(1)}`) as unknown),
  );
}

describe('fuzzing every channel with invalid input', () => {
  for (const channel of CHANNEL_NAMES) {
    it(`${channel}: ${RUNS_PER_CHANNEL} invalid inputs, each refused clearly, nothing written`, async () => {
      const schema = contract[channel].input;
      await fc.assert(
        fc.asyncProperty(fc.oneof(nasty, brokenSample(channel)), async (input) => {
          fc.pre(!schema.safeParse(input ?? {}).success);
          const before = changes();
          let caught: unknown = null;
          try {
            await desk.handle(channel, input);
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(DeskError);
          const error = caught as DeskError;
          expect(error.code).toBe('invalid_input');
          expect(error.message).toMatch(/^Ungültige Eingabe/);
          expect(error.message.length).toBeLessThan(400);
          expect(changes()).toBe(before);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: RUNS_PER_CHANNEL },
      );
    });
  }

  it('unknown channels and non-string channel names are refused the same way', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty')), fc.anything(), async (name, input) => {
        fc.pre(!(CHANNEL_NAMES as string[]).includes(name));
        await expect(desk.handle(name, input)).rejects.toMatchObject({ code: 'invalid_input' });
      }),
      { numRuns: 500 },
    );
  });
});
