// Electron entry: one instance, the core opened before the first window, and the core closed
// before the process exits so the database is checkpointed and the retention timer stops.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { app, type BrowserWindow, dialog, ipcMain, Menu, safeStorage } from 'electron';
import { openDesk } from '../core/desk';
import { BACKGROUND_SYNC_MS, type DeskCore, type TokenStore } from '../core/host';
import { resolveAppLocation } from './app-url';
import { applicationMenuTemplate } from './application-menu';
import { readDeskEnvironment } from './desk-environment';
import { registerDeskIpc } from './desk-ipc';
import { createMainWindow } from './main-window';
import { createMemoryTokenStore } from './memory-token-store';
import { createSafeStorageTokenStore } from './safe-storage-token-store';
import { openWorkstationSecretStore } from './workstation-secret-store';
import { guardEveryWebContents } from './web-contents-guard';

const outDir = fileURLToPath(new URL('..', import.meta.url));
const PRELOAD_PATH = join(outDir, 'preload', 'index.cjs');
const RENDERER_INDEX = join(outDir, 'renderer', 'index.html');
// Copied next to the main bundle by electron.vite.config.ts (shipMigrations).
const MIGRATIONS_DIR = join(outDir, 'main', 'migrations');
const TOKEN_FILE = 'session-token.bin';

function openTokenStore(dataDir: string): TokenStore {
  try {
    return createSafeStorageTokenStore(safeStorage, join(dataDir, TOKEN_FILE));
  } catch (error) {
    console.warn(`${error instanceof Error ? error.message : String(error)} Anmeldung gilt nur bis zum Beenden.`);
    return createMemoryTokenStore();
  }
}

function failStartup(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error);
  dialog.showErrorBox('Servicecenter Desk kann nicht starten', message);
  app.exit(1);
}

function run(): void {
  const environment = readDeskEnvironment(process.env, app.getPath('userData'));
  // A chosen data dir also holds Chromium's profile, so parallel test runs do not share a
  // single-instance lock, cache or storage with each other or with the installed app.
  if (environment.dataDirFromEnv) app.setPath('userData', join(environment.dataDir, 'chromium'));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();

  const devTools = !app.isPackaged;
  const location = resolveAppLocation({
    isPackaged: app.isPackaged,
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    rendererIndexPath: RENDERER_INDEX,
  });
  guardEveryWebContents(app, location.url);
  let core: DeskCore | null = null;
  let shutdown: 'running' | 'closing' | 'closed' = 'running';
  let mainWindow: BrowserWindow | null = null;

  const showWindow = (): void => {
    if (!core) return; // 'activate' can arrive before the core is open
    if (mainWindow && !mainWindow.isDestroyed()) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
      return;
    }
    const window = createMainWindow({ preloadPath: PRELOAD_PATH, app: location, devTools });
    mainWindow = window;
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    window.loadURL(location.url).catch((error: unknown) => console.error('Oberfläche nicht geladen:', error));
  };

  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  // A desk holding personal data should not linger without a window, macOS included.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!core || shutdown === 'closed') return;
    event.preventDefault();
    if (shutdown === 'closing') return;
    shutdown = 'closing';
    core
      .close()
      .catch((error: unknown) => console.error('Schließen des Kerns fehlgeschlagen:', error))
      .finally(() => {
        shutdown = 'closed';
        app.quit();
      });
  });

  app
    .whenReady()
    .then(() => {
      const opened = openDesk({
        dataDir: environment.dataDir,
        host: 'electron',
        tokenStore: openTokenStore(environment.dataDir),
        workstationSecretStore: openWorkstationSecretStore(safeStorage, environment.dataDir),
        defaultBackendUrl: environment.defaultBackendUrl,
        demoUsers: environment.demoUsers,
        migrationsDir: MIGRATIONS_DIR,
        syncIntervalMs: BACKGROUND_SYNC_MS,
      });
      core = opened;
      registerDeskIpc(ipcMain, opened, {
        appUrl: location.url,
        mainWebContents: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null),
      });
      opened.start();
      Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate({ platform: process.platform, devTools })));
      showWindow();
    })
    .catch(async (error: unknown) => {
      await core?.close().catch(() => undefined);
      failStartup(error);
    });
}

try {
  run();
} catch (error) {
  app.whenReady().then(() => failStartup(error), failStartup);
}
