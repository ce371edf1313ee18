// `npm test`: typecheck, lint, unit and integration tests (Vitest on real SQLite and the real
// reference backend), then the build and the end-to-end tests in Chromium, then the
// time-sensitive tests again on each date of TIME_TRAVEL_DATES. Stops at the first failure and
// ends with one summary line 'N passed, N failed' over every run of both test runners.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { TEST_NOW_ENV, TIME_TRAVEL_DATES } from '../tests/test-clock';
import { TIME_SENSITIVE, TIME_SENSITIVE_UNIT_TESTS } from '../tests/time-sensitive';

// Not under test-results/: Playwright empties that folder when it starts.
const RESULTS = path.resolve('.test-summary');

interface Step {
  title: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Where the step's test runner writes its JSON report, for the summary. */
  report?: { runner: 'vitest' | 'playwright'; file: string };
}

const vitestStep = (title: string, name: string, files: readonly string[], env?: NodeJS.ProcessEnv): Step => {
  const file = path.join(RESULTS, `${name}.vitest.json`);
  return { title, args: ['exec', '--', 'vitest', 'run', ...files, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], env, report: { runner: 'vitest', file } };
};
const playwrightStep = (title: string, name: string, args: string[], env?: NodeJS.ProcessEnv): Step => {
  const file = path.join(RESULTS, `${name}.playwright.json`);
  return { title, args, env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: file }, report: { runner: 'playwright', file } };
};

const steps: Step[] = [
  { title: 'Typecheck', args: ['run', '--silent', 'typecheck'] },
  { title: 'Lint', args: ['run', '--silent', 'lint'] },
  vitestStep('Unit- und Integrationstests (Vitest)', 'all', []),
  playwrightStep('Ende-zu-Ende-Tests (Playwright, Chromium)', 'all', ['run', '--silent', 'test:e2e']),
  ...TIME_TRAVEL_DATES.flatMap((date, i) => [
    vitestStep(`Zeitabhängige Tests am ${date} (Vitest)`, `date-${i}`, TIME_SENSITIVE_UNIT_TESTS, { [TEST_NOW_ENV]: date }),
    // The build is there from the end-to-end step.
    playwrightStep(`Zeitabhängige Tests am ${date} (Playwright)`, `date-${i}`, ['exec', '--', 'playwright', 'test', '--grep', TIME_SENSITIVE], { [TEST_NOW_ENV]: date }),
  ]),
];

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

let failedStep: string | null = null;
for (const step of steps) {
  console.log(`\n=== ${step.title} ===`);
  const started = Date.now();
  const result = spawnSync('npm', step.args, { stdio: 'inherit', env: { ...process.env, ...step.env } });
  if (result.status !== 0) {
    failedStep = step.title;
    console.error(`\n${step.title} fehlgeschlagen (Exit ${result.status ?? result.signal}).`);
    break;
  }
  console.log(`--- ${step.title}: ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

const counts = { passed: 0, failed: 0, skipped: 0 };
for (const { report } of steps) {
  if (!report || !existsSync(report.file)) continue;
  if (report.runner === 'vitest') {
    const v = JSON.parse(readFileSync(report.file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
    counts.passed += v.numPassedTests;
    counts.failed += v.numFailedTests;
    counts.skipped += v.numPendingTests + v.numTodoTests;
  } else {
    const p = JSON.parse(readFileSync(report.file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
    counts.passed += p.stats.expected + p.stats.flaky;
    counts.failed += p.stats.unexpected;
    counts.skipped += p.stats.skipped;
  }
}
if (failedStep && counts.failed === 0) counts.failed = 1; // a failed typecheck or lint counts as a failure
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failedStep ? 1 : 0);
