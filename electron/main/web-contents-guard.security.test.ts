// The app-wide guard: every WebContents refuses <webview> and navigation away from the app page.
import { describe, expect, it, vi } from 'vitest';
import { guardEveryWebContents } from './web-contents-guard';

type Listener = (event: { url?: string; preventDefault: () => void }, ...rest: unknown[]) => void;

function fakeApp() {
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  return {
    app: { on: (name: string, listener: (...args: unknown[]) => void) => appListeners.set(name, listener) },
    /** Creates a WebContents as Electron would and returns its listeners. */
    created() {
      const listeners = new Map<string, Listener[]>();
      const contents = { on: (name: string, l: Listener) => listeners.set(name, [...(listeners.get(name) ?? []), l]) };
      appListeners.get('web-contents-created')?.({}, contents);
      return (name: string, url?: string) => {
        const preventDefault = vi.fn();
        for (const l of listeners.get(name) ?? []) l({ url, preventDefault }, url);
        expect(listeners.get(name)?.length ?? 0, name).toBeGreaterThan(0);
        return preventDefault.mock.calls.length > 0;
      };
    },
  };
}

const APP = 'file:///opt/servicecenter-desk/resources/app.asar/out/renderer/index.html';

describe('guardEveryWebContents', () => {
  it('refuses every <webview> and every navigation away from the app page, in any WebContents', () => {
    const { app, created } = fakeApp();
    guardEveryWebContents(app as never, APP);
    const emit = created();
    expect(emit('will-attach-webview')).toBe(true);
    for (const url of ['https://example.org/', 'file:///etc/passwd', 'about:blank', 'javascript:alert(1)']) {
      expect(emit('will-navigate', url), url).toBe(true);
      expect(emit('will-redirect', url), url).toBe(true);
    }
    expect(emit('will-navigate', `${APP}#/queue`)).toBe(false);
  });
});
