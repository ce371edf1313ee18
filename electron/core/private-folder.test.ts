// Issue 12, item 7: the data directory (and the exports folder in it) is the user's alone, also
// when it existed before with mode 0755: opening tightens it to 0700, files to 0600.
import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE, openDatabase } from './db/open';
import { openDesk } from './desk';
import { save } from './retention/exports/export-files';
import { tempDir } from './test-support/fixtures';

const mode = (file: string) => statSync(file).mode & 0o777;

describe.skipIf(process.platform === 'win32')('private data folders', () => {
  it('an existing data directory with mode 0755 is tightened to 0700 when the desk opens it', async () => {
    const dataDir = path.join(tempDir(), 'servicedesk');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755); // whatever the umask made of it
    openDatabase(path.join(dataDir, DB_FILE)).$client.close();
    chmodSync(path.join(dataDir, DB_FILE), 0o644);
    expect(mode(dataDir)).toBe(0o755);

    const desk = openDesk({ dataDir, host: 'cli' });
    try {
      expect(mode(dataDir)).toBe(0o700);
      expect(mode(path.join(dataDir, DB_FILE))).toBe(0o600);
    } finally {
      await desk.close();
    }
  });

  it('a new data directory is created with 0700', async () => {
    const dataDir = path.join(tempDir(), 'neu', 'servicedesk');
    const desk = openDesk({ dataDir, host: 'cli' });
    await desk.close();
    expect(mode(dataDir)).toBe(0o700);
  });

  it('an existing exports folder with 0755 and an old 0644 file are tightened on the next export', () => {
    const dataDir = tempDir();
    const exportsDir = path.join(dataDir, 'exports');
    mkdirSync(exportsDir, { mode: 0o755 });
    chmodSync(exportsDir, 0o755);
    writeFileSync(path.join(exportsDir, 'loeschkonzept.pdf'), 'alt', { mode: 0o644 });
    chmodSync(path.join(exportsDir, 'loeschkonzept.pdf'), 0o644);
    const file = save(dataDir, 'loeschkonzept.pdf', 'application/pdf', Buffer.from('neu'), 0);
    expect(mode(exportsDir)).toBe(0o700);
    expect(mode(file.path)).toBe(0o600);
  });
});
