// Issue 6, item 7 at the web host: random bodies (JSON or not), channels and inputs posted with the
// page's session always get a JSON envelope, never a 500 or a crash; invalid input writes nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract, isChannelName } from '../../shared/contract';
import { openDesk, type Desk } from '../core/desk';
import { tempDir } from '../core/test-support/fixtures';
import { SCRIPTED_URL, scriptedBackend } from '../core/test-support/scripted-backend';
import { INVOKE_PATH } from './protocol';
import { startWebHost, type RunningWebHost } from './server';
import { pageSession } from './test-support';

let desk: Desk;
let host: RunningWebHost;
let session: Record<string, string>;

beforeAll(async () => {
  const backend = scriptedBackend({ id: 'u-lead', displayName: 'Lars Teamleitung', roles: ['agent', 'dpo', 'supervisor'] });
  desk = openDesk({ dataDir: tempDir(), host: 'web', fetch: backend.fetch });
  await desk.invoke('session.login', { backendUrl: SCRIPTED_URL, username: 'lead', password: 'lead' });
  host = await startWebHost({ core: desk, rendererDir: tempDir(), bridgeFile: '/nonexistent' });
  session = await pageSession(host);
});
afterAll(async () => {
  await host.close();
  await desk.close();
});

const changes = () => (desk.db.$client.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

async function post(body: string | Uint8Array) {
  const response = await fetch(`${host.origin}${INVOKE_PATH}`, { method: 'POST', headers: { ...session, 'content-type': 'application/json' }, body: body as BodyInit });
  return { status: response.status, envelope: (await response.json()) as { ok: boolean; error?: { code: string; message: string } } };
}

describe('web host fuzzing', () => {
  it('random bodies and calls: always a JSON envelope, invalid input refused, nothing written', async () => {
    const body = fc.oneof(
      fc.tuple(fc.oneof(fc.constantFrom(...CHANNEL_NAMES), fc.string(), fc.anything()), fc.anything()).map(([channel, input]) => ({ kind: 'call' as const, channel, input })),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ kind: 'bytes' as const, bytes })),
      fc.string({ maxLength: 300 }).map((text) => ({ kind: 'text' as const, text })),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        let payload: string | Uint8Array;
        if (b.kind === 'call') {
          const roundTripped = JSON.parse(JSON.stringify({ channel: b.channel, input: b.input }) ?? '{}') as { channel?: unknown; input?: unknown };
          const valid = isChannelName(roundTripped.channel) && contract[roundTripped.channel].input.safeParse(roundTripped.input ?? {}).success;
          fc.pre(!valid);
          payload = JSON.stringify({ channel: b.channel, input: b.input }) ?? '';
        } else payload = b.kind === 'bytes' ? b.bytes : b.text;
        const before = changes();
        const { status, envelope } = await post(payload);
        expect([200, 400]).toContain(status);
        expect(envelope.ok).toBe(false);
        expect(envelope.error?.code).toBe('invalid_input');
        expect(changes()).toBe(before);
      }),
      // Found by this test (issue 12): a channel object whose toString is not callable gave a 500.
      { numRuns: 1500, examples: [[{ kind: 'call', channel: { toString: [] }, input: [] }]] },
    );
    // Still serving afterwards.
    expect((await post(JSON.stringify({ channel: 'session.current', input: {} }))).envelope.ok).toBe(true);
  });

  it('refuses a body over 1 MiB without reading it all into the core', async () => {
    const { status, envelope } = await post(JSON.stringify({ channel: 'queue.list', input: { kinds: ['x'.repeat(2 * 1024 * 1024)] } }));
    expect(status).toBe(400);
    expect(envelope.error?.code).toBe('invalid_input');
  });
});
