import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'backend/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'tests/*.test.ts'],
    setupFiles: ['tests/vitest-time-travel.ts'],
    globalSetup: ['tests/global-postgres.ts'],
    // Tests that start backends (PGlite's first start) or processes on a busy two-core machine.
    testTimeout: 90_000,
    // PGlite's first start (initdb in WebAssembly) takes half a minute on a busy two-core machine.
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
