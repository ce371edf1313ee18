import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TokenSafeStorage } from './safe-storage-token-store';
import { openWorkstationSecretStore, PLAIN_SECRET_FILE, SEALED_SECRET_FILE } from './workstation-secret-store';

const SECRET = '{"backendUrl":"https://backend.example","workstation":"w","secret":"' + 'x'.repeat(43) + '"}';
const scramble: TokenSafeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((byte) => byte ^ 0x5a)),
  decryptString: (sealed) => Buffer.from(sealed.map((byte) => byte ^ 0x5a)).toString('utf8'),
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-secret-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openWorkstationSecretStore', () => {
  it('seals the secret with the keychain where it encrypts, and reads it back after a restart', () => {
    openWorkstationSecretStore(scramble, dir, 'linux').save(SECRET);
    expect(readFileSync(join(dir, SEALED_SECRET_FILE)).toString('utf8')).not.toContain('backendUrl');
    expect(existsSync(join(dir, PLAIN_SECRET_FILE))).toBe(false);
    expect(openWorkstationSecretStore(scramble, dir, 'linux').load()).toBe(SECRET);
  });

  it('falls back to a file only the user can read where the keychain would only obfuscate, never to memory', () => {
    const basicText = { ...scramble, getSelectedStorageBackend: () => 'basic_text' as const };
    openWorkstationSecretStore(basicText, dir, 'linux').save(SECRET);
    const file = join(dir, PLAIN_SECRET_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // A restart finds it again: losing it would lock this workstation id out.
    expect(openWorkstationSecretStore(basicText, dir, 'linux').load()).toBe(SECRET);
  });
});
