import { describe, expect, it } from 'vitest';
import { isAppUrl, resolveAppLocation } from './app-url';

const FILE_APP = 'file:///opt/servicecenter-desk/out/renderer/index.html';
const DEV_APP = 'http://127.0.0.1:5173/';

describe('isAppUrl', () => {
  it('accepts the app page itself, with hash or query', () => {
    expect(isAppUrl(FILE_APP, FILE_APP)).toBe(true);
    expect(isAppUrl(`${FILE_APP}#/queue`, FILE_APP)).toBe(true);
    expect(isAppUrl('http://127.0.0.1:5173/src/main.tsx?t=1', DEV_APP)).toBe(true);
  });

  it.each([
    'file:///etc/passwd',
    'file:///opt/servicecenter-desk/out/renderer/other.html',
    'file://evil-server/opt/servicecenter-desk/out/renderer/index.html',
    'about:blank',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'https://example.org/',
    'not a url',
  ])('refuses %s for the file:// app', (url) => {
    expect(isAppUrl(url, FILE_APP)).toBe(false);
  });

  it.each([
    'http://127.0.0.1.evil.com/',
    'http://127.0.0.1.evil.com:5173/',
    'http://127.0.0.1:5174/',
    'https://127.0.0.1:5173/',
    'http://localhost:5173/',
    'http://user@evil.com:5173/',
    'file:///etc/passwd',
    'about:blank',
    'javascript:alert(1)',
  ])('refuses %s for the dev-server app', (url) => {
    expect(isAppUrl(url, DEV_APP)).toBe(false);
  });
});

describe('resolveAppLocation', () => {
  const rendererIndexPath = '/opt/servicecenter-desk/out/renderer/index.html';

  it('loads the built file when packaged, even if a dev server URL is set', () => {
    const location = resolveAppLocation({ isPackaged: true, devServerUrl: 'http://localhost:5173', rendererIndexPath });
    expect(location).toEqual({ url: FILE_APP, devServerOrigin: null });
  });

  it('uses a loopback dev server in an unpackaged app', () => {
    const location = resolveAppLocation({ isPackaged: false, devServerUrl: 'http://localhost:5173', rendererIndexPath });
    expect(location).toEqual({ url: 'http://localhost:5173/', devServerOrigin: 'http://localhost:5173' });
  });

  it.each(['http://evil.com:5173', 'https://localhost:5173', 'http://127.0.0.1.evil.com', 'garbage'])(
    'ignores the non-loopback dev server URL %s',
    (devServerUrl) => {
      expect(resolveAppLocation({ isPackaged: false, devServerUrl, rendererIndexPath }).url).toBe(FILE_APP);
    },
  );
});
