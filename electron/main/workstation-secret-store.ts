// Where Electron keeps the workstation's secret from the backend (issue 14): encrypted by the OS
// keychain like the session token. Unlike the token it must survive a restart (without it this
// workstation id cannot log in again), so where safeStorage would only obfuscate it falls back to
// a file only this user can read, as the CLI and the web host keep it, instead of memory.
import { join } from 'node:path';
import type { TokenStore } from '../core/host';
import { createFileTokenStore } from '../core/session/file-token-store';
import { createSafeStorageTokenStore, InsecureTokenStorageError, type TokenSafeStorage } from './safe-storage-token-store';

export const SEALED_SECRET_FILE = 'workstation-secret.bin';
export const PLAIN_SECRET_FILE = 'workstation.secret';

export function openWorkstationSecretStore(safeStorage: TokenSafeStorage, dataDir: string, platform: NodeJS.Platform = process.platform): TokenStore {
  try {
    return createSafeStorageTokenStore(safeStorage, join(dataDir, SEALED_SECRET_FILE), platform);
  } catch (error) {
    if (!(error instanceof InsecureTokenStorageError)) throw error;
    return createFileTokenStore(join(dataDir, PLAIN_SECRET_FILE));
  }
}
