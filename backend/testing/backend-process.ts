// A backend as its own process (`npm run backend`), for the tests that kill, restart or race
// several of them against one PostgreSQL server.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface BackendProcess {
  url: string;
  child: ChildProcess;
  /** Everything it printed. */
  output(): string;
  /** SIGKILL: no shutdown, no flush, as a crash. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function spawnBackendProcess(databaseUrl: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<BackendProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'backend/index.ts', '--port', '0', '--password-cost', '10', '--no-demo', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: databaseUrl, SERVICEDESK_ADMIN_TOKEN: TEST_ADMIN_TOKEN, ...env },
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`backend exited early (${code}):\n${output}`)));
  });
  const signal = async (name: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return { url, child, output: () => output, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}

/** An admin call to a spawned backend. */
export async function adminCall(url: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}
