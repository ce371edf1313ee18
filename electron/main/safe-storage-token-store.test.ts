import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSafeStorageTokenStore, InsecureTokenStorageError, type TokenSafeStorage } from './safe-storage-token-store';

/** A stand-in for safeStorage: a reversible scramble, so plaintext on disk would show. */
function fakeSafeStorage(overrides: Partial<TokenSafeStorage> = {}): TokenSafeStorage {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (plain) => Buffer.concat([Buffer.from('v10'), Buffer.from(plain, 'utf8').map((byte) => byte ^ 0x5a)]),
    decryptString: (sealed) => {
      if (sealed.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided');
      return Buffer.from(sealed.subarray(3).map((byte) => byte ^ 0x5a)).toString('utf8');
    },
    ...overrides,
  };
}

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.c2Vzc2lvbg.sig';
let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-token-'));
  file = join(dir, 'profile', 'session-token.bin');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('createSafeStorageTokenStore', () => {
  it('refuses when the OS offers no encryption', () => {
    const create = () => createSafeStorageTokenStore(fakeSafeStorage({ isEncryptionAvailable: () => false }), file, 'win32');
    expect(create).toThrow(InsecureTokenStorageError);
    expect(create).toThrow(/Schlüsselbund.*no OS keychain/s);
  });

  it("refuses Linux's basic_text backend, which only obfuscates", () => {
    const create = () =>
      createSafeStorageTokenStore(fakeSafeStorage({ getSelectedStorageBackend: () => 'basic_text' }), file, 'linux');
    expect(create).toThrow(InsecureTokenStorageError);
    expect(create).toThrow(/nur verschleiert.*basic_text/s);
  });

  it('does not ask for the Linux backend on other platforms', () => {
    const safeStorage = fakeSafeStorage({
      getSelectedStorageBackend: () => {
        throw new Error('getSelectedStorageBackend is Linux-only');
      },
    });
    expect(() => createSafeStorageTokenStore(safeStorage, file, 'darwin')).not.toThrow();
  });

  it('accepts a real Linux keyring backend', () => {
    expect(() => createSafeStorageTokenStore(fakeSafeStorage({ getSelectedStorageBackend: () => 'kwallet6' }), file, 'linux')).not.toThrow();
  });

  it('round-trips the token through an encrypted file', () => {
    const store = createSafeStorageTokenStore(fakeSafeStorage(), file, 'linux');
    expect(store.load()).toBeNull();
    store.save(TOKEN);
    expect(readFileSync(file).toString('latin1')).not.toContain(TOKEN);
    expect(store.load()).toBe(TOKEN);
    // A second store (next start) reads what the first wrote.
    expect(createSafeStorageTokenStore(fakeSafeStorage(), file, 'linux').load()).toBe(TOKEN);
  });

  it.skipIf(process.platform === 'win32')('writes the file readable by the owner only (0600)', () => {
    const store = createSafeStorageTokenStore(fakeSafeStorage(), file, 'linux');
    store.save(TOKEN);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it.skipIf(process.platform === 'win32')('tightens a token file that was world-readable', () => {
    const store = createSafeStorageTokenStore(fakeSafeStorage(), file, 'linux');
    store.save('old');
    chmodSync(file, 0o644);
    store.save(TOKEN);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(store.load()).toBe(TOKEN);
  });

  it('leaves no temporary files behind', () => {
    const store = createSafeStorageTokenStore(fakeSafeStorage(), file, 'linux');
    store.save(TOKEN);
    store.save(`${TOKEN}2`);
    expect(readdirSync(join(dir, 'profile'))).toEqual(['session-token.bin']);
  });

  it('clears the token file', () => {
    const store = createSafeStorageTokenStore(fakeSafeStorage(), file, 'linux');
    store.save(TOKEN);
    store.clear();
    expect(existsSync(file)).toBe(false);
    expect(store.load()).toBeNull();
    expect(() => store.clear()).not.toThrow();
  });

  it('forgets a token it can no longer decrypt', () => {
    const store = createSafeStorageTokenStore(fakeSafeStorage(), file, 'linux');
    store.save(TOKEN);
    writeFileSync(file, 'garbage');
    expect(store.load()).toBeNull();
    expect(existsSync(file)).toBe(false);
  });
});
