import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SessionResponse } from '../shared/sync-api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'servicedesk-backend-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** `npm run backend` as its own process (tsx directly, so signals reach it). */
function runBackend(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'backend/index.ts', '--port', '0', '--password-cost', '10', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: '', ...env },
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1] && output.includes('Stop with')) resolve({ child, url: match[1], output: () => output });
    });
    child.once('exit', (code) => reject(new Error(`exited early (${code}):\n${output}`)));
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('npm run backend (backend/index.ts) on PGlite in a data directory', () => {
  it('prints its URL, the database and the demo users, serves the API, keeps its data over a restart, and refuses a second process', { timeout: 300_000 }, async () => {
    const counts = ['--seed', '3', '--callbacks', '5', '--contacts', '4', '--dpo', '1', '--equality', '1', '--sms', '20', '--portal', '40', '--arrivals-per-minute', '0'];
    const first = await runBackend(['--data-dir', dataDir, ...counts]);
    // The demo's SMS log reaches 100 days back; what is past 90 days is deleted before the first report.
    expect(first.output()).toContain(`database: PGlite in ${dataDir}; 11 requests, `);
    const stored = /; 11 requests, (\d+) SMS records/.exec(first.output());
    expect(stored).not.toBeNull();
    const sms = Number(stored![1]);
    expect(sms).toBeGreaterThan(0);
    expect(sms).toBeLessThan(20);
    expect(first.output()).toContain('Demo users are active');
    expect(first.output()).toContain('agent / agent: agent (Anna Agentin)');
    expect(first.output()).toMatch(/admin token \(for \/__admin\/\*, this run only\): \S{20,}/);

    const answer = await fetch(`${first.url}/api/v1/session`, {
      method: 'POST',
      body: JSON.stringify({ username: 'dpo', password: 'dpo', workstation: '0f8fad5b-d9cb-469f-a165-70867728950e' }),
    });
    expect(SessionResponse.parse(await answer.json()).user.roles).toEqual(['dpo']);

    // PGlite serves one process: a second one on the same folder is refused, saying why.
    const second = spawn(process.execPath, ['--import', 'tsx', 'backend/index.ts', '--port', '0', '--data-dir', dataDir], { cwd: root, env: { ...process.env, DATABASE_URL: '' } });
    let refusal = '';
    second.stderr.on('data', (chunk: Buffer) => (refusal += chunk.toString()));
    expect(await exitOf(second)).toBe(1);
    expect(refusal).toContain(`is in use by process ${first.child.pid}`);

    first.child.kill('SIGTERM');
    expect(await exitOf(first.child)).toBe(0);

    // Restarted: the same data, no second demo seeding.
    const again = await runBackend(['--data-dir', dataDir, ...counts]);
    expect(again.output()).toContain(`11 requests, ${sms} SMS records`);
    again.child.kill('SIGTERM');
    expect(await exitOf(again.child)).toBe(0);
  });

  it('refuses bad options with exit code 2 and the usage', { timeout: 300_000 }, async () => {
    for (const args of [['--port', 'abc'], ['--faults', '{"dropRate": 7}'], ['--trust-proxy', 'proxy.example'], ['--users', path.join(dataDir, 'missing.json')], ['--unknown']]) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'backend/index.ts', ...args], { cwd: root, env: { ...process.env, DATABASE_URL: '' } });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      expect(await exitOf(child), args.join(' ')).toBe(2);
      expect(stderr).toContain('usage: npm run backend');
    }
  });
});
