// Keeps the backend session token encrypted by the OS keychain (safeStorage) in a 0600 file.
// Refuses to run where safeStorage would only obfuscate: on Linux without a keyring Chromium falls
// back to 'basic_text', a fixed key compiled into every copy, which is plaintext in disguise.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SafeStorage } from 'electron';
import type { TokenStore } from '../core/host';

export type TokenSafeStorage = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'
>;

export class InsecureTokenStorageError extends Error {
  override readonly name = 'InsecureTokenStorageError';
}

/** Throws InsecureTokenStorageError unless safeStorage really encrypts on this machine. */
export function assertSecureTokenStorage(safeStorage: TokenSafeStorage, platform: NodeJS.Platform): void {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new InsecureTokenStorageError(
      'Die Anmeldung kann nicht verschlüsselt gespeichert werden: kein Schlüsselbund des Betriebssystems verfügbar. ' +
        '/ The session token cannot be stored encrypted: no OS keychain is available.',
    );
  }
  // getSelectedStorageBackend exists on Linux only.
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    throw new InsecureTokenStorageError(
      'Die Anmeldung wird nicht gespeichert: ohne GNOME-Schlüsselbund oder KWallet wäre sie nur verschleiert, nicht verschlüsselt. ' +
        '/ Refusing to store the session token: without GNOME Keyring or KWallet it would only be obfuscated (basic_text), not encrypted.',
    );
  }
}

const OWNER_ONLY_FILE = 0o600;
const OWNER_ONLY_DIR = 0o700;

export function createSafeStorageTokenStore(
  safeStorage: TokenSafeStorage,
  filePath: string,
  platform: NodeJS.Platform = process.platform,
): TokenStore {
  assertSecureTokenStorage(safeStorage, platform);
  return {
    load() {
      let sealed: Buffer;
      try {
        sealed = readFileSync(filePath);
      } catch {
        return null;
      }
      try {
        return safeStorage.decryptString(sealed);
      } catch {
        // Keychain key changed or file damaged: the token is lost either way, log in again.
        rmSync(filePath, { force: true });
        return null;
      }
    },
    save(token) {
      mkdirSync(dirname(filePath), { recursive: true, mode: OWNER_ONLY_DIR });
      // Write a fresh file and rename it over the old one: the mode applies only on creation,
      // and a crash mid-write must not leave half a token behind.
      const pending = `${filePath}.${process.pid}.tmp`;
      rmSync(pending, { force: true });
      writeFileSync(pending, safeStorage.encryptString(token), { mode: OWNER_ONLY_FILE, flag: 'wx' });
      renameSync(pending, filePath);
    },
    clear() {
      rmSync(filePath, { force: true });
    },
  };
}
