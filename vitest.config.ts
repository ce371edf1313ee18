import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'backend/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'tests/*.test.ts'],
    setupFiles: ['tests/vitest-time-travel.ts'],
    globalSetup: ['tests/global-postgres.ts'],
    testTimeout: 30_000,
    // PGlite's first start (initdb in WebAssembly) takes half a minute on a busy two-core machine.
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
