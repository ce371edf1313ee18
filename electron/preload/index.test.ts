import { describe, expect, it, vi } from 'vitest';
import { IPC_INVOKE } from '../../shared/api';

const electron = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  ipcRenderer: {
    invoke: vi.fn(async () => ({ ok: true, value: 'pong' })),
    on: vi.fn(),
    removeListener: vi.fn(),
    send: vi.fn(),
    sendSync: vi.fn(),
  },
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: electron.ipcRenderer,
}));

await import('./index');

describe('preload', () => {
  it('exposes exactly window.api with invoke and subscribe', () => {
    expect(electron.exposeInMainWorld).toHaveBeenCalledOnce();
    const [key, api] = electron.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
    expect(key).toBe('api');
    expect(Object.keys(api).sort()).toEqual(['invoke', 'subscribe']);
    expect(typeof api.invoke).toBe('function');
    expect(typeof api.subscribe).toBe('function');
    // Never ipcRenderer itself, nor any of its methods.
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
    expect(Object.values(api)).not.toContain(electron.ipcRenderer.send);
  });

  it('wires window.api to ipcRenderer', async () => {
    const [, api] = electron.exposeInMainWorld.mock.calls[0] as [string, { invoke: (c: string, i: unknown) => Promise<unknown> }];
    await expect(api.invoke('sync.state', {})).resolves.toBe('pong');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_INVOKE, 'sync.state', {});
  });
});
