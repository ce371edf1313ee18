// Issue 6, item 1: the navigation guard against a corpus of hostile URLs, plus generated ones.
// Drives guardNavigation with a recording stand-in for WebContents (no Electron needed).
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { guardNavigation } from './navigation-guard';

type Listener = (event: { url: string; preventDefault: () => void }) => void;

function guarded(appUrl: string) {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const openExternal = vi.fn((_url: string) => Promise.resolve());
  const webContents = {
    on(name: string, listener: Listener) {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
      return webContents;
    },
    setWindowOpenHandler(handler: typeof openHandler) {
      openHandler = handler;
    },
  };
  guardNavigation(webContents as never, appUrl, openExternal);
  return {
    openExternal,
    /** True when every navigation listener let the URL through, per event kind. */
    allows(kind: 'will-navigate' | 'will-redirect', url: string): boolean {
      let prevented = false;
      const own = listeners.get(kind) ?? [];
      expect(own.length, `${kind} guarded`).toBeGreaterThan(0);
      for (const listener of own) listener({ url, preventDefault: () => (prevented = true) });
      return !prevented;
    },
    openWindow(url: string) {
      if (!openHandler) throw new Error('no window-open handler');
      return openHandler({ url });
    },
  };
}

const FILE_APP = 'file:///opt/servicecenter-desk/resources/app.asar/out/renderer/index.html';
const DEV_APP = 'http://localhost:5173/';

/** Foreign, lookalike, local-file, blank, script and odd-scheme URLs: none may be loaded. */
const HOSTILE = [
  'https://example.org/',
  'http://example.org/index.html',
  'https://stadtwerke-bochum.de.evil.example/',
  'http://localhost.evil.example:5173/',
  'http://localhost:5173.evil.example/',
  'http://127.0.0.1.nip.io:5173/',
  'http://localhost@evil.example:5173/',
  'http://evil.example#@localhost:5173/',
  'http://[::1]:5173/',
  'http://0.0.0.0:5173/',
  'http://127.0.0.1:5173/',
  'http://localhost:5174/',
  'https://localhost:5173/',
  'ws://localhost:5173/',
  'http://xn--lcalhost-x2a:5173/',
  'http://lоcalhost:5173/', // Cyrillic о
  'file:///etc/passwd',
  'file:///opt/servicecenter-desk/resources/app.asar/out/renderer/other.html',
  'file:///opt/servicecenter-desk/resources/app.asar/out/renderer/index.html/../../../../../etc/passwd',
  'file://evil-server/opt/servicecenter-desk/resources/app.asar/out/renderer/index.html',
  'file:///C:/Windows/System32/calc.exe',
  'file://///evil/share/index.html',
  'about:blank',
  'about:srcdoc',
  'about:blank#/queue',
  'javascript:alert(document.cookie)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'blob:https://example.org/6f1b7e2c-0d0b-4a6f-9d4e-1c1b5c1a2b3c',
  'view-source:file:///etc/passwd',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'chrome-extension://abc/index.html',
  'filesystem:http://localhost:5173/temporary/x.html',
  'smb://server/share',
  'ms-msdt:/id PCWDiagnostic',
  'tel:+492345550100',
  'mailto:kunde@example.de',
  '',
  ' ',
  'not a url',
  '//example.org/',
  '/etc/passwd',
];

describe('navigation guard (corpus)', () => {
  for (const [name, appUrl] of [
    ['packaged app (file:)', FILE_APP],
    ['dev server', DEV_APP],
  ] as const) {
    it(`${name}: stays on the app page and refuses every hostile URL, navigating or redirecting`, () => {
      const guard = guarded(appUrl);
      expect(guard.allows('will-navigate', appUrl)).toBe(true);
      expect(guard.allows('will-navigate', `${appUrl}#/queue`)).toBe(true);
      for (const url of HOSTILE) {
        if (url === appUrl) continue;
        expect(guard.allows('will-navigate', url), url).toBe(false);
        expect(guard.allows('will-redirect', url), url).toBe(false);
      }
    });
  }

  it('generated URLs: nothing but the app page itself is ever allowed', () => {
    const guard = guarded(FILE_APP);
    const appPath = new URL(FILE_APP).pathname;
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.string(), fc.webUrl().map((u) => u.replace(/^https?:/, 'file:'))), (url) => {
        const allowed = guard.allows('will-navigate', url);
        if (allowed) {
          const parsed = new URL(url);
          expect(parsed.protocol).toBe('file:');
          expect(parsed.host).toBe('');
          expect(parsed.pathname).toBe(appPath);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('new windows and external links (corpus)', () => {
  it('denies every new window, and hands only tel:/mailto: to the OS', () => {
    const guard = guarded(FILE_APP);
    for (const url of HOSTILE) expect(guard.openWindow(url), url).toEqual({ action: 'deny' });
    expect(guard.openWindow(FILE_APP)).toEqual({ action: 'deny' });
    const handedOver = guard.openExternal.mock.calls.map(([url]) => url);
    expect(handedOver).toEqual(['tel:+492345550100', 'mailto:kunde@example.de']);
  });

  it('generated URLs: openExternal only ever sees tel: or mailto:', () => {
    const guard = guarded(FILE_APP);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.webUrl(),
          fc.string(),
          fc.constantFrom('tel:', 'mailto:', 'TEL:', 'javascript:', 'file:', 'smb:', 'tel', 'mailto').chain((scheme) => fc.string().map((rest) => scheme + rest)),
        ),
        (url) => {
          expect(guard.openWindow(url)).toEqual({ action: 'deny' });
        },
      ),
      { numRuns: 2000 },
    );
    for (const [url] of guard.openExternal.mock.calls) expect(['tel:', 'mailto:']).toContain(new URL(url).protocol);
  });
});
