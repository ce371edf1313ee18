// Issue 12, item 1: the CLI writes its whole answer before it exits, also through a pipe. A pipe
// takes 64 KiB at a time; `process.exit` right after `console.log` cut a large answer off there.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type RunningBackend } from '../../backend/server';
import { DB_FILE, openDatabase } from '../core/db/open';
import { seedSms } from '../core/retention/test-world';
import { tempDir } from '../core/test-support/fixtures';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);
const RECORDS = 10_000; // the lookup's maximum; about 1.3 MB of JSON

let backend: RunningBackend;
beforeAll(async () => {
  backend = await startBackend({ seed: 5, demo: { callbacks: 1, contacts: 0, dpo: 0, equality: 0, sms: 0 } });
});
afterAll(() => backend.close());

async function cli(dataDir: string, ...args: string[]): Promise<{ stdout: string; stderr: string }> {
  // execFile reads the child's stdout through a pipe, as `… | jq` would.
  return run(process.execPath, [path.join(ROOT, 'scripts/node22.mjs'), 'electron/cli/index.ts', '--data-dir', dataDir, ...args], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe('cli output through a pipe', { timeout: 180_000 }, () => {
  it('an answer of more than 1 MB arrives whole and parses', async () => {
    const dataDir = tempDir();
    await cli(dataDir, 'login', '--backend', backend.url, '--username', 'dpo', '--password', 'dpo');
    // Lookups wait for the first sync after a login (issue 18): the CLI syncs once, as a user would.
    await cli(dataDir, 'sync');
    // The records go straight into the workstation's database: the CLI process reads them with
    // its own (system) clock, so they lie within its 90-day window on any date.
    const db = openDatabase(path.join(dataDir, DB_FILE));
    const now = Date.now();
    db.transaction(() => {
      for (let i = 0; i < RECORDS; i++) seedSms(db, new Date(now - 3_600_000 - i * 60_000).toISOString(), '4711000123', `192.0.2.${i % 250}`);
    });
    db.$client.close();

    const { stdout } = await cli(dataDir, 'sms', 'lookup', '--customer', '4711000123', '--case', 'AZ-2026-7', '--json');
    expect(stdout.length).toBeGreaterThan(1_000_000);
    const report = JSON.parse(stdout) as { records: unknown[]; truncated: boolean };
    expect(report.records).toHaveLength(RECORDS);
  });
});
