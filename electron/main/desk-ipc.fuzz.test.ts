// Issue 6, item 7 at the IPC boundary: random channels, inputs and senders go through the real
// IPC handler into a real core. Every call gets a reply envelope (never a throw across IPC):
// invalid input is refused with invalid_input and writes nothing; a foreign sender is refused
// before the core sees anything.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, type Mock, vi } from 'vitest';
import { IPC_INVOKE } from '../../shared/api';
import { CHANNEL_NAMES, contract, isChannelName } from '../../shared/contract';
import { openDesk, type Desk } from '../core/desk';
import { tempDir } from '../core/test-support/fixtures';
import { SCRIPTED_URL, scriptedBackend } from '../core/test-support/scripted-backend';
import { type DeskIpcMain, type InvokeReply, registerDeskIpc } from './desk-ipc';
import type { InvokeSender } from './trusted-sender';

const APP_URL = 'file:///opt/servicecenter-desk/resources/app.asar/out/renderer/index.html';

let desk: Desk;
let invoke: (channel: unknown, input: unknown, event?: InvokeSender) => Promise<InvokeReply>;
let coreCalls: Mock<(channel: string, input: unknown) => Promise<unknown>>;
const webContents = { send: () => undefined, isDestroyed: () => false };
const trusted: InvokeSender = { sender: webContents, senderFrame: { url: `${APP_URL}#/queue`, parent: null } };

beforeAll(async () => {
  const backend = scriptedBackend({ id: 'u-lead', displayName: 'Lars Teamleitung', roles: ['agent', 'dpo', 'supervisor'] });
  desk = openDesk({ dataDir: tempDir(), host: 'electron', fetch: backend.fetch });
  await desk.invoke('session.login', { backendUrl: SCRIPTED_URL, username: 'lead', password: 'lead' });
  let handler: Parameters<DeskIpcMain['handle']>[1] | null = null;
  coreCalls = vi.fn((channel: string, input: unknown) => desk.handle(channel, input));
  registerDeskIpc({ handle: (_c, listener) => (handler = listener), removeHandler: () => undefined }, { handle: coreCalls, subscribe: desk.subscribe }, { appUrl: APP_URL, mainWebContents: () => webContents });
  invoke = (channel, input, event = trusted) => handler!(event, channel, input);
  expect(IPC_INVOKE).toBeTruthy();
});
afterAll(() => desk.close());

const changes = () => (desk.db.$client.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

describe('IPC fuzzing', () => {
  it('random channels and inputs: always an envelope; invalid input refused, nothing written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...CHANNEL_NAMES), fc.string(), fc.anything()), fc.anything(), async (channel, input) => {
        const valid = isChannelName(channel) && contract[channel].input.safeParse(input).success;
        fc.pre(!valid);
        const before = changes();
        const reply = await invoke(channel, input);
        expect(reply.ok).toBe(false);
        if (!reply.ok) {
          expect(reply.error.code).toBe('invalid_input');
          expect(reply.error.message.length).toBeGreaterThan(5);
        }
        expect(changes()).toBe(before);
      }),
      { numRuns: 3000 },
    );
  });

  it('foreign senders (other frames, other pages, other windows) are refused before the core', async () => {
    coreCalls.mockClear();
    const senders = fc.oneof(
      fc.record({ sender: fc.constant(webContents as unknown), senderFrame: fc.record({ url: fc.webUrl(), parent: fc.constant(null) }) }),
      fc.record({ sender: fc.constant(webContents as unknown), senderFrame: fc.record({ url: fc.constant(APP_URL), parent: fc.constant({}) }) }),
      fc.record({ sender: fc.constant({} as unknown), senderFrame: fc.record({ url: fc.constant(APP_URL), parent: fc.constant(null) }) }),
      fc.constant({ sender: webContents as unknown, senderFrame: null }),
    );
    await fc.assert(
      fc.asyncProperty(senders, fc.constantFrom(...CHANNEL_NAMES), async (event, channel) => {
        const reply = await invoke(channel, {}, event as InvokeSender);
        expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }),
      { numRuns: 500 },
    );
    expect(coreCalls).not.toHaveBeenCalled();
  });
});
