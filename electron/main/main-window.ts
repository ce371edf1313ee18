// The one window of the desk. Security settings are spelled out even where they are Electron's
// defaults, so a reader (and the tests) can see them and a default change cannot loosen them.
import { BrowserWindow, shell } from 'electron';
import { type AppLocation } from './app-url';
import { contentSecurityPolicy } from './content-security-policy';
import { guardNavigation } from './navigation-guard';
import { applySessionPolicy } from './session-policy';

export interface MainWindowDeps {
  /** Absolute path of the bundled preload (out/preload/index.cjs). */
  preloadPath: string;
  app: AppLocation;
  /** Offer the developer tools (unpackaged builds only). */
  devTools: boolean;
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Servicecenter Desk',
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: deps.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Chromium's spellchecker downloads dictionaries from Google; personal data stays in-house.
      spellcheck: false,
      devTools: deps.devTools,
    },
  });

  const policy = contentSecurityPolicy(
    deps.app.devServerOrigin ? { kind: 'dev-server', origin: deps.app.devServerOrigin } : { kind: 'production' },
  );
  applySessionPolicy(window.webContents.session, policy);
  guardNavigation(window.webContents, deps.app.url, (url) => shell.openExternal(url));
  window.once('ready-to-show', () => window.show());
  return window;
}
