import { describe, expect, it, vi } from 'vitest';
import { DESK_ERROR_NAME, IPC_EVENT, IPC_INVOKE } from '../../shared/api';
import type { DeskEvent } from '../../shared/contract';
import { createDeskApi } from './desk-api';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** Records what the bridge does with ipcRenderer. */
function fakeIpcRenderer(reply: unknown = { ok: true, value: null }) {
  const listeners = new Map<string, Set<Listener>>();
  return {
    invoke: vi.fn(async (_channel: string, ..._args: unknown[]) => reply),
    on: vi.fn((channel: string, listener: Listener) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener);
    }),
    emit: (channel: string, ...args: unknown[]) => {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: 'the ipcRenderer itself' }, ...args);
    },
    count: (channel: string) => listeners.get(channel)?.size ?? 0,
  };
}

function api(ipc: ReturnType<typeof fakeIpcRenderer>) {
  return createDeskApi(ipc as unknown as Parameters<typeof createDeskApi>[0]);
}

describe('createDeskApi', () => {
  it('sends every call over the one invoke channel and returns the value', async () => {
    const ipc = fakeIpcRenderer({ ok: true, value: { defaultBackendUrl: 'http://127.0.0.1:8787', demoUsers: [], host: 'electron' } });
    await expect(api(ipc).invoke('app.config', {})).resolves.toEqual({
      defaultBackendUrl: 'http://127.0.0.1:8787',
      demoUsers: [],
      host: 'electron',
    });
    expect(ipc.invoke).toHaveBeenCalledWith(IPC_INVOKE, 'app.config', {});
  });

  it('passes the input through untouched (main validates it)', async () => {
    const ipc = fakeIpcRenderer();
    const input = { requestId: 'whatever the page sent' };
    await api(ipc).invoke('request.claim', input);
    expect(ipc.invoke.mock.calls[0]?.[2]).toBe(input);
  });

  it('rejects an error reply with a DeskError that keeps code and German message', async () => {
    const ipc = fakeIpcRenderer({ ok: false, error: { code: 'session_expired', message: 'Sitzung abgelaufen. Bitte neu anmelden.' } });
    const rejection: unknown = await api(ipc).invoke('queue.list', {}).catch((error: unknown) => error);
    expect(rejection).toEqual({ name: DESK_ERROR_NAME, code: 'session_expired', message: 'Sitzung abgelaufen. Bitte neu anmelden.' });
    // A plain object on purpose: contextBridge would strip `code` and `name` from an Error.
    expect(Object.getPrototypeOf(rejection)).toBe(Object.prototype);
  });

  it('delivers host events without the IPC event object, and unsubscribes', () => {
    const ipc = fakeIpcRenderer();
    const received: unknown[][] = [];
    const unsubscribe = api(ipc).subscribe((...args: unknown[]) => received.push(args));
    const event: DeskEvent = { type: 'changed', scope: 'queue' };
    ipc.emit(IPC_EVENT, event);
    expect(received).toEqual([[event]]);

    unsubscribe();
    expect(ipc.count(IPC_EVENT)).toBe(0);
    ipc.emit(IPC_EVENT, event);
    expect(received).toHaveLength(1);
  });

  it('keeps separate subscriptions separate', () => {
    const ipc = fakeIpcRenderer();
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribeFirst = api(ipc).subscribe(first);
    api(ipc).subscribe(second);
    unsubscribeFirst();
    ipc.emit(IPC_EVENT, { type: 'changed', scope: 'sync' });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith({ type: 'changed', scope: 'sync' });
  });
});
