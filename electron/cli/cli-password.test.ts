// Issue 12, item 5: `cli login` takes the password from standard input or from SERVICEDESK_PASSWORD,
// so it never stands in a command line that every local user can read in /proc/<pid>/cmdline.
// `--password` keeps working (with a hint on stderr). Real processes, the real backend.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type RunningBackend } from '../../backend/server';
import { tempDir } from '../core/test-support/fixtures';
import { parseCli, UsageError } from './args';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PASSWORD = 'dpo'; // the demo user's password is its name

let backend: RunningBackend;
beforeAll(async () => {
  backend = await startBackend({ seed: 5, demo: { callbacks: 1, contacts: 0, dpo: 0, equality: 0, sms: 0 } });
});
afterAll(() => backend.close());

interface CliRun {
  pid: number;
  /** Writes the text to the CLI's stdin and closes it. */
  send(text: string): void;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function startCli(dataDir: string, args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/node22.mjs'), 'electron/cli/index.ts', '--data-dir', dataDir, ...args], {
    cwd: ROOT,
    env: { ...process.env, SERVICEDESK_PASSWORD: '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return {
    pid: child.pid!,
    send: (text) => child.stdin.end(text),
    done: new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr }))),
  };
}

/** Arguments of every process whose command line names `marker`, as other local users see them. */
function commandLinesNaming(marker: string): string[][] {
  const lines: string[][] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (args.includes(marker)) lines.push(args);
    } catch {
      // the process ended meanwhile
    }
  }
  return lines;
}

const loginArgs = (username: string) => ['login', '--backend', backend.url, '--username', username];

describe('cli login without the password on the command line', { timeout: 180_000 }, () => {
  it('--password-stdin: the CLI waits for the password on stdin; no command line holds it', async () => {
    const dataDir = tempDir();
    const run = startCli(dataDir, [...loginArgs('dpo'), '--password-stdin']);
    // Both processes (the Node 22 wrapper and the CLI itself) are up and waiting for stdin.
    await expect.poll(() => commandLinesNaming(dataDir).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    // The demo password equals the user name: it may stand there once, as the value of --username.
    for (const args of commandLinesNaming(dataDir)) {
      expect(args.filter((a) => a === PASSWORD)).toEqual([PASSWORD]);
      expect(args[args.indexOf(PASSWORD) - 1]).toBe('--username');
    }
    run.send(`${PASSWORD}\n`);
    const result = await run.done;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Angemeldet als/);
  });

  it('SERVICEDESK_PASSWORD is read when no password option is given', async () => {
    const run = startCli(tempDir(), loginArgs('dpo'), { SERVICEDESK_PASSWORD: PASSWORD });
    run.send('');
    const result = await run.done;
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Angemeldet als/);
  });

  it('--password still works, with a hint that others can see it', async () => {
    const run = startCli(tempDir(), [...loginArgs('dpo'), '--password', PASSWORD]);
    run.send('');
    const result = await run.done;
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/--password-stdin/);
  });

  it('a wrong password on stdin is refused by the backend; an empty one is a usage error (exit 2)', async () => {
    const wrong = startCli(tempDir(), [...loginArgs('dpo'), '--password-stdin']);
    wrong.send('falsch\n');
    expect((await wrong.done).code).toBe(1);
    const empty = startCli(tempDir(), [...loginArgs('dpo'), '--password-stdin']);
    empty.send('\n');
    const result = await empty.done;
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/kein gültiges Passwort/);
  });

  it('arguments: one password source at a time, and a clear message when none is given', () => {
    const base = ['login', '--backend', 'http://127.0.0.1:9', '--username', 'a'];
    expect(parseCli([...base, '--password-stdin'], {}).command).toMatchObject({ password: { from: 'stdin' } });
    expect(parseCli(base, { SERVICEDESK_PASSWORD: 'geheim' }).command).toMatchObject({ password: { from: 'environment', value: 'geheim' } });
    expect(parseCli([...base, '--password', 'p'], { SERVICEDESK_PASSWORD: 'geheim' }).command).toMatchObject({ password: { from: 'option', value: 'p' } });
    expect(() => parseCli([...base, '--password', 'p', '--password-stdin'], {})).toThrow(UsageError);
    expect(() => parseCli(base, {})).toThrow(/SERVICEDESK_PASSWORD/);
  });
});
