// Main's handler and the preload's bridge, wired together through a fake IPC pipe: proves the
// two sides agree on the envelope, so an error code set in the core reaches the page.
import { describe, expect, it, vi } from 'vitest';
import { DESK_ERROR_NAME } from '../../shared/api';
import type { DeskEvent } from '../../shared/contract';
import { DeskError } from '../core/desk-error';
import { createDeskApi } from '../preload/desk-api';
import { type DeskIpcMain, registerDeskIpc } from './desk-ipc';

const APP_URL = 'file:///opt/servicecenter-desk/out/renderer/index.html';

function wire(handle: (channel: string, input: unknown) => Promise<unknown>) {
  const ipcListeners = new Set<(event: unknown, payload: unknown) => void>();
  const webContents = {
    send: (_channel: string, payload: unknown) => ipcListeners.forEach((listener) => listener({}, payload)),
    isDestroyed: () => false,
  };
  let invokeHandler: Parameters<DeskIpcMain['handle']>[1] | undefined;
  const coreListeners = new Set<(event: DeskEvent) => void>();
  const core = {
    handle: vi.fn(handle),
    subscribe: (listener: (event: DeskEvent) => void) => {
      coreListeners.add(listener);
      return () => coreListeners.delete(listener);
    },
  };
  registerDeskIpc(
    {
      handle: (_channel, listener) => {
        invokeHandler = listener;
      },
      removeHandler: () => undefined,
    },
    core,
    { appUrl: APP_URL, mainWebContents: () => webContents },
  );
  const ipcRenderer = {
    invoke: (_channel: string, ...args: unknown[]) =>
      invokeHandler!({ sender: webContents, senderFrame: { url: APP_URL, parent: null } }, args[0], args[1]),
    on: (_channel: string, listener: (event: unknown, payload: unknown) => void) => ipcListeners.add(listener),
    removeListener: (_channel: string, listener: (event: unknown, payload: unknown) => void) => ipcListeners.delete(listener),
  };
  const api = createDeskApi(ipcRenderer as unknown as Parameters<typeof createDeskApi>[0]);
  return { api, core, emit: (event: DeskEvent) => coreListeners.forEach((listener) => listener(event)) };
}

describe('main and preload together', () => {
  it('returns the core result to the page', async () => {
    const { api } = wire(async () => ({ state: 'idle' }));
    await expect(api.invoke('sync.state', {})).resolves.toEqual({ state: 'idle' });
  });

  it('delivers a core DeskError to the page with its code', async () => {
    const { api } = wire(async () => {
      throw new DeskError('forbidden', 'Dafür fehlt Ihnen die Berechtigung.');
    });
    await expect(api.invoke('retention.sweep', {})).rejects.toEqual({
      name: DESK_ERROR_NAME,
      code: 'forbidden',
      message: 'Dafür fehlt Ihnen die Berechtigung.',
    });
  });

  it('delivers invalid input as invalid_input without reaching the core', async () => {
    const { api, core } = wire(async () => 'unreachable');
    // @ts-expect-error: the page may send anything; the type is no protection at runtime
    await expect(api.invoke('request.detail', { requestId: 42 })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(core.handle).not.toHaveBeenCalled();
  });

  it('delivers core events to subscribers', () => {
    const { api, emit } = wire(async () => null);
    const listener = vi.fn();
    const unsubscribe = api.subscribe(listener);
    emit({ type: 'changed', scope: 'session' });
    unsubscribe();
    emit({ type: 'changed', scope: 'queue' });
    expect(listener.mock.calls).toEqual([[{ type: 'changed', scope: 'session' }]]);
  });
});
