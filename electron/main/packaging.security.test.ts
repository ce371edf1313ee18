// Issue 6, item 2: electron-builder packs the app (`--dir`, Linux) with a stand-in Electron, as
// the real binary cannot be downloaded here. The unpacked app must carry the migrations and the
// run-time resources inside app.asar, better-sqlite3's native addon outside it, and the
// security fuses flipped: no RunAsNode, NODE_OPTIONS or --inspect; only app.asar, integrity-checked.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../core/test-support/fixtures';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as {
  listPackage(archive: string, options?: { isPack: boolean }): string[];
  statFile(archive: string, file: string): { unpacked?: boolean };
};
const fuses = require('@electron/fuses') as { getCurrentFuseWire(binary: string): Promise<Record<string, number | string>> };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE = { DISABLE: 48, ENABLE: 49 };
// FuseV1Options order: RunAsNode, EnableCookieEncryption, EnableNodeOptionsEnvironmentVariable,
// EnableNodeCliInspectArguments, EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar,
// LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges.
const ELECTRON_DEFAULTS = [FUSE.ENABLE, FUSE.DISABLE, FUSE.ENABLE, FUSE.ENABLE, FUSE.DISABLE, FUSE.DISABLE, FUSE.DISABLE, FUSE.ENABLE];

/** An Electron distribution folder whose "binary" only carries the fuse wire, as Electron 45's does. */
function standInElectron(dir: string): void {
  mkdirSync(path.join(dir, 'locales'), { recursive: true });
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const binary = path.join(dir, 'electron');
  writeFileSync(binary, Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in for Electron"\n'), Buffer.from(SENTINEL), Buffer.from([1, ELECTRON_DEFAULTS.length, ...ELECTRON_DEFAULTS])]));
  chmodSync(binary, 0o755);
  writeFileSync(path.join(dir, 'version'), '45.5.0');
  writeFileSync(path.join(dir, 'LICENSE'), 'MIT');
  for (const file of ['LICENSES.chromium.html', 'chrome_100_percent.pak', 'icudtl.dat', 'resources.pak', 'snapshot_blob.bin', 'v8_context_snapshot.bin', 'locales/de.pak']) {
    writeFileSync(path.join(dir, file), '');
  }
}

const work = tempDir('servicedesk-pack-');
const appDir = path.join(work, 'dist', 'linux-unpacked');
const archive = path.join(appDir, 'resources', 'app.asar');

beforeAll(() => {
  const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);
  // In `npm test` the unit tests run before the build step: build once here if needed, also when
  // an older build lacks a migration added since (a working copy's out/ outlives its commits).
  const shipped = (sql: string) => existsSync(path.join(ROOT, 'out/main/migrations', sql));
  const stale = readdirSync(path.join(ROOT, 'electron/core/db/migrations')).some((f) => f.endsWith('.sql') && !shipped(f));
  if (stale || !existsSync(path.join(ROOT, 'out/main/index.js')) || !existsSync(path.join(ROOT, 'out/renderer/index.html'))) {
    execFileSync(bin('electron-vite'), ['build'], { cwd: ROOT, stdio: 'pipe' });
  }
  standInElectron(path.join(work, 'electron-dist'));
  execFileSync(
    bin('electron-builder'),
    ['--dir', '--linux', '--x64', `-c.electronDist=${path.join(work, 'electron-dist')}`, '-c.npmRebuild=false', `-c.directories.output=${path.join(work, 'dist')}`],
    { cwd: ROOT, stdio: 'pipe', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
  );
}, 240_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('electron-builder --dir with a stand-in Electron', () => {
  it('builds the unpacked app with app.asar', () => {
    expect(existsSync(path.join(appDir, 'servicecenter-desk'))).toBe(true);
    expect(existsSync(archive)).toBe(true);
  });

  it('app.asar holds main, preload, renderer, every migration and the resources', () => {
    const files = new Set(asar.listPackage(archive, { isPack: false }).map((f) => f.replaceAll('\\', '/')));
    for (const file of ['/package.json', '/out/main/index.js', '/out/renderer/index.html', '/out/main/migrations/meta/_journal.json', '/resources/icon.png']) {
      expect(files.has(file), file).toBe(true);
    }
    const preload = [...files].filter((f) => f.startsWith('/out/preload/'));
    expect(preload.length).toBeGreaterThan(0);
    const migrations = readdirSync(path.join(ROOT, 'electron/core/db/migrations')).filter((f) => f.endsWith('.sql'));
    expect(migrations.length).toBeGreaterThan(0);
    for (const sql of migrations) expect(files.has(`/out/main/migrations/${sql}`), sql).toBe(true);
    // No sources, tests or source maps shipped.
    expect([...files].filter((f) => f.startsWith('/out/') && /\.(ts|map)$/.test(f))).toEqual([]);
    expect([...files].filter((f) => f.startsWith('/electron/') || f.startsWith('/backend/'))).toEqual([]);
  });

  it('better-sqlite3 is shipped with its native addon outside the asar', () => {
    const addon = 'node_modules/better-sqlite3/prebuilds/linux-x64.node';
    expect(asar.statFile(archive, addon).unpacked).toBe(true);
    expect(existsSync(path.join(appDir, 'resources', 'app.asar.unpacked', addon))).toBe(true);
    expect(existsSync(path.join(appDir, 'resources', 'app.asar.unpacked', 'node_modules/better-sqlite3/lib/index.js'))).toBe(true);
  });

  it('flips the fuses: RunAsNode, NODE_OPTIONS and --inspect off; only app.asar, with integrity checks', async () => {
    const wire = await fuses.getCurrentFuseWire(path.join(appDir, 'servicecenter-desk'));
    expect(wire).toMatchObject({
      0: FUSE.DISABLE, // RunAsNode
      1: FUSE.ENABLE, // EnableCookieEncryption
      2: FUSE.DISABLE, // EnableNodeOptionsEnvironmentVariable
      3: FUSE.DISABLE, // EnableNodeCliInspectArguments
      4: FUSE.ENABLE, // EnableEmbeddedAsarIntegrityValidation
      5: FUSE.ENABLE, // OnlyLoadAppFromAsar
      7: FUSE.DISABLE, // GrantFileProtocolExtraPrivileges
    });
  });
});
