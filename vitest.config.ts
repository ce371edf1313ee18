import { configDefaults, defineConfig } from 'vitest/config';

const TESTS = ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'backend/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'bench/**/*.test.ts', 'tests/*.test.ts'];
/** Files that replace a module (the Electron binary, which cannot run here) need a module graph of their own. */
const MOCKING_MODULES = ['electron/main/main-window.test.ts', 'electron/preload/index.test.ts'];

export default defineConfig({
  test: {
    setupFiles: ['tests/vitest-time-travel.ts'],
    globalSetup: ['tests/global-postgres.ts'],
    // Tests that start backends (PGlite's first start) or processes on a busy two-core machine.
    testTimeout: 90_000,
    // PGlite's first start (initdb in WebAssembly) takes half a minute on a busy two-core machine.
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      // One module graph per worker, not per file: a fresh one costs ≈ 2 s per file (Node 22 copies
      // drizzle-orm's 180 KB package.json `exports` for every module it loads) and PGlite's
      // WebAssembly is compiled again in each. Every test opens its own databases and backends, so
      // nothing but module-level caches is shared.
      { extends: true, test: { name: 'shared', include: TESTS, exclude: [...configDefaults.exclude, ...MOCKING_MODULES], isolate: false } },
      { extends: true, test: { name: 'isolated', include: MOCKING_MODULES } },
    ],
  },
});
