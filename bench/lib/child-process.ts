// Servers the benchmarks talk to run in their own processes, as in real life: the measured
// figures must not include a server's work on the measuring process's event loop.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerProcess {
  url: string;
  stop(): Promise<void>;
}

/** Set to a folder, every server the benchmarks start writes a CPU profile there when stopped (profile before changing). */
export const PROFILE_DIR_ENV = 'SERVICEDESK_BENCH_PROFILE_DIR';

/** Runs a TypeScript entry under Node with tsx and resolves with the first URL its output matches. */
export async function spawnServer(entry: string, args: string[], urlPattern: RegExp, env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const profileDir = process.env[PROFILE_DIR_ENV];
  const profiling = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const child = spawn(process.execPath, [...profiling, '--import', import.meta.resolve('tsx'), path.join(ROOT, entry), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = urlPattern.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
