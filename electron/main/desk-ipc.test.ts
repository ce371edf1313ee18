import { describe, expect, it, vi } from 'vitest';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/api';
import type { DeskEvent } from '../../shared/contract';
import { DeskError } from '../core/desk-error';
import { type DeskIpcMain, type DeskWebContents, type InvokeReply, registerDeskIpc } from './desk-ipc';
import type { InvokeSender } from './trusted-sender';

const APP_URL = 'file:///opt/servicecenter-desk/out/renderer/index.html';
const REQUEST_ID = '0b7c6a3e-59c1-4c1e-9f3e-2d6f8e4b1a10';

/** Fake DeskCore: records calls, answers with `answer`, lets the test emit events. */
function fakeCore(answer: (channel: string, input: unknown) => Promise<unknown> = async () => 'done') {
  const listeners = new Set<(event: DeskEvent) => void>();
  return {
    handle: vi.fn(answer),
    subscribe: (listener: (event: DeskEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (event: DeskEvent) => listeners.forEach((listener) => listener(event)),
    listenerCount: () => listeners.size,
  };
}

function setup(options: { core?: ReturnType<typeof fakeCore>; appUrl?: string } = {}) {
  const handlers = new Map<string, Parameters<DeskIpcMain['handle']>[1]>();
  const ipcMain: DeskIpcMain = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  const webContents = { send: vi.fn(), isDestroyed: vi.fn(() => false) } satisfies DeskWebContents;
  let window: DeskWebContents | null = webContents;
  const core = options.core ?? fakeCore();
  const appUrl = options.appUrl ?? APP_URL;
  const dispose = registerDeskIpc(ipcMain, core, { appUrl, mainWebContents: () => window });
  const mainFrame = { url: `${appUrl}#/queue`, parent: null };
  const trusted: InvokeSender = { sender: webContents, senderFrame: mainFrame };

  const invoke = (channel: unknown, input: unknown, event: InvokeSender = trusted): Promise<InvokeReply> => {
    const handler = handlers.get(IPC_INVOKE);
    if (!handler) throw new Error('no invoke handler');
    return handler(event, channel, input);
  };
  const closeWindow = () => {
    window = null;
  };
  return { handlers, core, webContents, mainFrame, invoke, dispose, closeWindow };
}

describe('registerDeskIpc', () => {
  it('registers one handler, on the invoke channel', () => {
    expect([...setup().handlers.keys()]).toEqual([IPC_INVOKE]);
  });

  it('passes a valid call to the core with the parsed input and wraps the result', async () => {
    const { invoke, core } = setup({ core: fakeCore(async () => ({ ok: true, message: 'Übernommen' })) });
    await expect(invoke('request.claim', { requestId: REQUEST_ID })).resolves.toEqual({
      ok: true,
      value: { ok: true, message: 'Übernommen' },
    });
    expect(core.handle).toHaveBeenCalledWith('request.claim', { requestId: REQUEST_ID });
  });

  it('hands the core the parsed value, not the raw one', async () => {
    const { invoke, core } = setup();
    await invoke('session.login', { backendUrl: 'https://sync.example.de', username: '  anna.schmidt  ', password: 'geheim' });
    expect(core.handle).toHaveBeenCalledWith('session.login', {
      backendUrl: 'https://sync.example.de',
      username: 'anna.schmidt',
      password: 'geheim',
    });
  });

  it.each([['fs.readFile'], ['__proto__'], ['toString'], [''], [42], [null], [{ name: 'queue.list' }]])(
    'refuses the unknown channel %j without calling the core',
    async (channel) => {
      const { invoke, core } = setup();
      const reply = await invoke(channel, {});
      expect(reply).toEqual({ ok: false, error: { code: 'invalid_input', message: 'Unbekannte Anfrage.' } });
      expect(core.handle).not.toHaveBeenCalled();
    },
  );

  it.each([
    ['request.detail', { requestId: 'not-a-uuid' }],
    ['request.detail', 'x'],
    ['request.detail', undefined],
    ['request.claim', { requestId: REQUEST_ID, extra: true }],
    ['request.attempt', { requestId: REQUEST_ID, disposition: 'maybe' }],
    ['queue.list', { limit: -1 }],
    ['session.login', { backendUrl: 'ftp://sync.example.de', username: 'anna', password: 'x' }],
  ])('refuses bad input for %s without calling the core', async (channel, input) => {
    const { invoke, core } = setup();
    const reply = await invoke(channel, input);
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('invalid_input');
    expect(reply.error.message).toMatch(/^Ungültige Eingabe – /);
    expect(core.handle).not.toHaveBeenCalled();
  });

  it('explains bad input in German, naming the field', async () => {
    const { invoke } = setup();
    const reply = await invoke('session.login', { backendUrl: 'https://sync.example.de', username: 'anna', password: '', extra: 1 });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'Ungültige Eingabe – password: Passwort fehlt; Unbekannter Schlüssel: "extra"' },
    });
    const typed = await invoke('request.detail', { requestId: 7 });
    expect(typed.ok || typed.error.message).toBe('Ungültige Eingabe – requestId: Ungültige Eingabe: erwartet string, erhalten Zahl');
  });

  it('does not echo the rejected value back (it may be personal data)', async () => {
    const { invoke } = setup();
    const reply = await invoke('request.detail', { requestId: 'Max Mustermann, 0234 555 0100' });
    expect(JSON.stringify(reply)).not.toContain('Mustermann');
  });

  describe('refuses callers other than the top frame of our window', () => {
    const foreign: Array<[string, (s: ReturnType<typeof setup>) => InvokeSender]> = [
      ['a subframe of our page', (s) => ({ sender: s.webContents, senderFrame: { url: APP_URL, parent: s.mainFrame } })],
      ['a frame on another file', (s) => ({ sender: s.webContents, senderFrame: { url: 'file:///tmp/evil.html', parent: null } })],
      ['a lookalike origin', (s) => ({ sender: s.webContents, senderFrame: { url: 'http://127.0.0.1.evil.com/', parent: null } })],
      ['about:blank', (s) => ({ sender: s.webContents, senderFrame: { url: 'about:blank', parent: null } })],
      ['a vanished frame', (s) => ({ sender: s.webContents, senderFrame: null })],
      ['another WebContents', (s) => ({ sender: { send: vi.fn() }, senderFrame: s.mainFrame })],
      [
        'a frame whose getter throws',
        (s) => ({
          sender: s.webContents,
          get senderFrame(): InvokeSender['senderFrame'] {
            throw new Error('Render frame was disposed');
          },
        }),
      ],
    ];
    it.each(foreign)('%s', async (_name, makeEvent) => {
      const s = setup();
      const reply = await s.invoke('request.claim', { requestId: REQUEST_ID }, makeEvent(s));
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(s.core.handle).not.toHaveBeenCalled();
    });

    it('refuses everyone while there is no window', async () => {
      const s = setup();
      s.closeWindow();
      expect(await s.invoke('app.config', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(s.core.handle).not.toHaveBeenCalled();
    });

    it('accepts the dev-server page by origin, not a lookalike', async () => {
      const s = setup({ appUrl: 'http://localhost:5173/' });
      const from = (url: string): InvokeSender => ({ sender: s.webContents, senderFrame: { url, parent: null } });
      expect((await s.invoke('app.config', {}, from('http://localhost:5173/#/login'))).ok).toBe(true);
      expect((await s.invoke('app.config', {}, from('http://localhost.evil.com:5173/'))).ok).toBe(false);
      expect((await s.invoke('app.config', {}, from('http://localhost:5174/'))).ok).toBe(false);
      expect(s.core.handle).toHaveBeenCalledTimes(1);
    });
  });

  it('returns a DeskError from the core as its code and German message', async () => {
    const { invoke } = setup({
      core: fakeCore(async () => {
        throw new DeskError('conflict', 'Diese Anfrage hat bereits ein anderer Arbeitsplatz übernommen.');
      }),
    });
    await expect(invoke('request.claim', { requestId: REQUEST_ID })).resolves.toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Diese Anfrage hat bereits ein anderer Arbeitsplatz übernommen.' },
    });
  });

  it('hides the text of unexpected errors behind a generic internal error', async () => {
    const { invoke } = setup({
      core: fakeCore(async () => {
        throw new Error("UNIQUE constraint failed: name='Max Mustermann'");
      }),
    });
    const reply = await invoke('request.claim', { requestId: REQUEST_ID });
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(reply)).not.toContain('Mustermann');
  });

  it('forwards core events to the window', () => {
    const { core, webContents } = setup();
    core.emit({ type: 'changed', scope: 'queue' });
    expect(webContents.send).toHaveBeenCalledWith(IPC_EVENT, { type: 'changed', scope: 'queue' });
  });

  it('drops core events while the window is gone or destroyed', () => {
    const s = setup();
    s.webContents.isDestroyed.mockReturnValue(true);
    s.core.emit({ type: 'changed', scope: 'sync' });
    s.closeWindow();
    s.core.emit({ type: 'changed', scope: 'sync' });
    expect(s.webContents.send).not.toHaveBeenCalled();
  });

  it('undoes the registration and the subscription', () => {
    const s = setup();
    expect(s.core.listenerCount()).toBe(1);
    s.dispose();
    expect(s.handlers.size).toBe(0);
    expect(s.core.listenerCount()).toBe(0);
  });
});
