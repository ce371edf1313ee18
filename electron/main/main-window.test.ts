import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';

// Small recording fakes for the few Electron objects createMainWindow touches.
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;

  class FakeSession {
    headersListener: Listener | null = null;
    permissionRequest: Listener | null = null;
    permissionCheck: Listener | null = null;
    webRequest = {
      onHeadersReceived: (listener: Listener) => {
        this.headersListener = listener;
      },
    };
    setPermissionRequestHandler(handler: Listener) {
      this.permissionRequest = handler;
    }
    setPermissionCheckHandler(handler: Listener) {
      this.permissionCheck = handler;
    }
  }

  class FakeWebContents {
    readonly listeners = new Map<string, Listener[]>();
    windowOpenHandler: Listener | null = null;
    readonly session = new FakeSession();
    on(name: string, listener: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    setWindowOpenHandler(handler: Listener) {
      this.windowOpenHandler = handler;
    }
  }

  class FakeBrowserWindow {
    static readonly created: FakeBrowserWindow[] = [];
    readonly webContents = new FakeWebContents();
    readonly onceListeners = new Map<string, Listener>();
    shown = false;
    constructor(readonly options: unknown) {
      FakeBrowserWindow.created.push(this);
    }
    once(name: string, listener: Listener) {
      this.onceListeners.set(name, listener);
      return this;
    }
    show() {
      this.shown = true;
    }
  }

  return { FakeBrowserWindow, openExternal: vi.fn((_url: string) => Promise.resolve()) };
});

vi.mock('electron', () => ({
  BrowserWindow: fake.FakeBrowserWindow,
  shell: { openExternal: fake.openExternal },
}));

const { createMainWindow } = await import('./main-window');

const FILE_APP = 'file:///opt/servicecenter-desk/out/renderer/index.html';
const DEV_APP = 'http://localhost:5173/';

function open(app: { url: string; devServerOrigin: string | null } = { url: FILE_APP, devServerOrigin: null }) {
  createMainWindow({ preloadPath: '/opt/servicecenter-desk/out/preload/index.cjs', app, devTools: false });
  const window = fake.FakeBrowserWindow.created.at(-1);
  if (!window) throw new Error('no window created');
  return window;
}

/** Emits a navigation event as Electron does and reports whether it was prevented. */
function navigate(window: InstanceType<typeof fake.FakeBrowserWindow>, kind: 'will-navigate' | 'will-redirect', url: string) {
  const event = { url, preventDefault: vi.fn() };
  for (const listener of window.webContents.listeners.get(kind) ?? []) listener(event, url, false, true);
  return event.preventDefault.mock.calls.length > 0;
}

function responseHeaders(window: InstanceType<typeof fake.FakeBrowserWindow>, headers: Record<string, string[]>) {
  const callback = vi.fn();
  window.webContents.session.headersListener?.({ url: FILE_APP, resourceType: 'mainFrame', responseHeaders: headers }, callback);
  expect(callback).toHaveBeenCalledOnce();
  return (callback.mock.calls[0]?.[0] as { responseHeaders: Record<string, string[]> }).responseHeaders;
}

beforeEach(() => {
  fake.openExternal.mockClear();
});

describe('createMainWindow', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, no webview', () => {
    const window = open();
    const prefs = (window.options as BrowserWindowConstructorOptions).webPreferences;
    expect(prefs).toMatchObject({
      preload: '/opt/servicecenter-desk/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      devTools: false,
    });
  });

  it('shows the window only once it has painted', () => {
    const window = open();
    expect(window.shown).toBe(false);
    window.onceListeners.get('ready-to-show')?.();
    expect(window.shown).toBe(true);
  });

  it('sends a strict CSP on every response, replacing any other CSP header', () => {
    const headers = responseHeaders(open(), {
      'content-security-policy': ["default-src *; script-src 'unsafe-inline' 'unsafe-eval'"],
      'Content-Type': ['text/html'],
    });
    const cspHeaders = Object.keys(headers).filter((name) => name.toLowerCase() === 'content-security-policy');
    expect(cspHeaders).toEqual(['Content-Security-Policy']);
    const [policy] = headers['Content-Security-Policy'] ?? [];
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("style-src 'self';");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(headers['Content-Type']).toEqual(['text/html']);
  });

  it('sends a CSP even when the response has no headers (file://)', () => {
    const headers = responseHeaders(open(), {});
    expect(headers['Content-Security-Policy']?.[0]).toContain("default-src 'self'");
  });

  it('uses the dev-server policy only when loading from the dev server, still without eval', () => {
    const headers = responseHeaders(open({ url: DEV_APP, devServerOrigin: 'http://localhost:5173' }), {});
    const [policy] = headers['Content-Security-Policy'] ?? [];
    expect(policy).toContain('ws://localhost:5173');
    expect(policy).not.toContain('unsafe-eval');
  });

  it.each(['will-navigate', 'will-redirect'] as const)('%s stays on the app page', (kind) => {
    const window = open();
    expect(navigate(window, kind, `${FILE_APP}#/queue`)).toBe(false);
    for (const url of [
      'file:///etc/passwd',
      'file:///opt/servicecenter-desk/out/renderer/other.html',
      'about:blank',
      'javascript:alert(1)',
      'https://example.org/',
      'tel:+492345550100',
    ]) {
      expect(navigate(window, kind, url), url).toBe(true);
    }
  });

  it('refuses lookalike and other-port hosts when served by the dev server', () => {
    const window = open({ url: DEV_APP, devServerOrigin: 'http://localhost:5173' });
    expect(navigate(window, 'will-navigate', 'http://localhost:5173/#/queue')).toBe(false);
    for (const url of ['http://localhost.evil.com:5173/', 'http://127.0.0.1.evil.com/', 'http://localhost:5174/', 'https://localhost:5173/']) {
      expect(navigate(window, 'will-navigate', url), url).toBe(true);
      expect(navigate(window, 'will-redirect', url), url).toBe(true);
    }
  });

  it('denies every new window and hands only tel:/mailto: to the OS', () => {
    const handler = open().webContents.windowOpenHandler;
    expect(handler).not.toBeNull();
    for (const url of ['https://example.org/', FILE_APP, 'file:///etc/passwd', 'javascript:alert(1)', 'about:blank']) {
      expect(handler?.({ url, frameName: '', features: '', disposition: 'new-window' })).toEqual({ action: 'deny' });
    }
    expect(fake.openExternal).not.toHaveBeenCalled();

    expect(handler?.({ url: 'tel:+492345550100', frameName: '', features: '', disposition: 'new-window' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'mailto:kunde@example.de', frameName: '', features: '', disposition: 'new-window' })).toEqual({ action: 'deny' });
    expect(fake.openExternal.mock.calls).toEqual([['tel:+492345550100'], ['mailto:kunde@example.de']]);
  });

  it('grants notifications and nothing else', () => {
    const session = open().webContents.session;
    for (const [permission, granted] of [
      ['notifications', true],
      ['media', false],
      ['geolocation', false],
      ['clipboard-read', false],
      ['openExternal', false],
      ['fileSystem', false],
      ['unknown', false],
    ] as const) {
      const callback = vi.fn();
      session.permissionRequest?.({}, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledWith(granted);
      expect(session.permissionCheck?.(null, permission, 'file:///', {}), permission).toBe(granted);
    }
  });
});
