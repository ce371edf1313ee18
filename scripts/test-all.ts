// `npm test`: typecheck, lint, unit and integration tests (Vitest on real SQLite and the real
// reference backend), then the build and the end-to-end tests in Chromium. Stops at the first
// failure and ends with one summary line 'N passed, N failed' over both test runners.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

// Not under test-results/: Playwright empties that folder when it starts.
const RESULTS = path.resolve('.test-summary');
const VITEST_JSON = path.join(RESULTS, 'vitest.json');
const PLAYWRIGHT_JSON = path.join(RESULTS, 'playwright.json');

const steps: [string, string[], NodeJS.ProcessEnv?][] = [
  ['Typecheck', ['run', '--silent', 'typecheck']],
  ['Lint', ['run', '--silent', 'lint']],
  ['Unit- und Integrationstests (Vitest)', ['run', '--silent', 'test:unit', '--', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_JSON}`]],
  ['Ende-zu-Ende-Tests (Playwright, Chromium)', ['run', '--silent', 'test:e2e'], { PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_JSON }],
];

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

let failedStep: string | null = null;
for (const [title, args, env] of steps) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const result = spawnSync('npm', args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    failedStep = title;
    console.error(`\n${title} fehlgeschlagen (Exit ${result.status ?? result.signal}).`);
    break;
  }
  console.log(`--- ${title}: ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

const counts = { passed: 0, failed: 0, skipped: 0 };
if (existsSync(VITEST_JSON)) {
  const v = JSON.parse(readFileSync(VITEST_JSON, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  counts.passed += v.numPassedTests;
  counts.failed += v.numFailedTests;
  counts.skipped += v.numPendingTests + v.numTodoTests;
}
if (existsSync(PLAYWRIGHT_JSON)) {
  const p = JSON.parse(readFileSync(PLAYWRIGHT_JSON, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  counts.passed += p.stats.expected + p.stats.flaky;
  counts.failed += p.stats.unexpected;
  counts.skipped += p.stats.skipped;
}
if (failedStep && counts.failed === 0) counts.failed = 1; // a failed typecheck or lint counts as a failure
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failedStep ? 1 : 0);
