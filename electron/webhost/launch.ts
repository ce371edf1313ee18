// Opens the core on a data directory and serves it with the built renderer.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DemoUser } from '../../shared/views';
import { openDesk, type Desk } from '../core/desk';
import { BACKGROUND_SYNC_MS } from '../core/host';
import { startWebHost, type RunningWebHost } from './server';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_DIR = path.join(PROJECT_ROOT, 'out/renderer');
export const BRIDGE_FILE = path.join(PROJECT_ROOT, 'out/webhost/desk-bridge.js');

export interface WebLaunchOptions {
  dataDir: string;
  defaultBackendUrl?: string;
  demoUsers?: DemoUser[];
  port?: number;
  syncIntervalMs?: number;
  /** The clock of core and sessions (tests); the system clock by default. */
  now?: () => Date;
}

export async function launchWebHost(options: WebLaunchOptions): Promise<{ desk: Desk; host: RunningWebHost; close(): Promise<void> }> {
  const desk = openDesk({
    dataDir: options.dataDir,
    host: 'web',
    defaultBackendUrl: options.defaultBackendUrl,
    demoUsers: options.demoUsers,
    syncIntervalMs: options.syncIntervalMs ?? BACKGROUND_SYNC_MS,
    now: options.now,
  });
  try {
    desk.start();
    const host = await startWebHost({ core: desk, rendererDir: RENDERER_DIR, bridgeFile: BRIDGE_FILE, port: options.port });
    return {
      desk,
      host,
      async close() {
        await host.close();
        await desk.close();
      },
    };
  } catch (error) {
    await desk.close();
    throw error;
  }
}

/** Demo users handed over by `npm start` (JSON in SERVICEDESK_DEMO_USERS); anything malformed is ignored. */
export function demoUsersFromEnv(raw: string | undefined): DemoUser[] {
  if (!raw) return [];
  try {
    const parsed = z.array(DemoUser).safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
