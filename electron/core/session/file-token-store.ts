// The session token for the CLI and the web host: a file only the user can read (0600).
// Electron uses safeStorage instead (electron/main).
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { TokenStore } from '../host';

export function createFileTokenStore(file: string): TokenStore {
  return {
    load() {
      if (!existsSync(file)) return null;
      const token = readFileSync(file, 'utf8').trim();
      return token || null;
    },
    save(token) {
      writeFileSync(file, token, { mode: 0o600 });
      chmodSync(file, 0o600); // writeFileSync keeps the mode of an existing file
    },
    clear() {
      rmSync(file, { force: true });
    },
  };
}
