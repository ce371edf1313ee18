// Which URLs count as "the app": the one page the main window loads. Navigation guards and the
// IPC sender check both ask this, so a lookalike host or another local file is never trusted.
import { pathToFileURL } from 'node:url';

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `candidate` is the app page `appUrl` (hash and query may differ). For a file:// app
 * that is exactly the same file, since every local file shares the opaque "null" origin; for the
 * dev server it is the same origin (scheme, host and port).
 */
export function isAppUrl(candidate: string, appUrl: string): boolean {
  const app = parse(appUrl);
  const url = parse(candidate);
  if (!app || !url) return false;
  if (app.protocol === 'file:') {
    return url.protocol === 'file:' && url.host === app.host && url.pathname === app.pathname;
  }
  if (app.protocol === 'http:' || app.protocol === 'https:') return url.origin === app.origin;
  return false;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface AppLocation {
  /** What the main window loads. */
  url: string;
  /** Set when the page comes from the Vite dev server; its origin relaxes the CSP for hot reload. */
  devServerOrigin: string | null;
}

/**
 * Picks the page to load. The dev server (ELECTRON_RENDERER_URL, set by `electron-vite dev`) is
 * honoured only in an unpackaged app and only on loopback: a packaged app that loaded whatever an
 * environment variable says would hand window.api to any web page.
 */
export function resolveAppLocation(options: {
  isPackaged: boolean;
  devServerUrl: string | undefined;
  rendererIndexPath: string;
}): AppLocation {
  const dev = options.devServerUrl ? parse(options.devServerUrl) : null;
  if (!options.isPackaged && dev && dev.protocol === 'http:' && LOOPBACK_HOSTS.has(dev.hostname)) {
    return { url: dev.href, devServerOrigin: dev.origin };
  }
  return { url: pathToFileURL(options.rendererIndexPath).href, devServerOrigin: null };
}
