// The reference backend in its own process, as in real life: the client's figures must not
// include the server's work on the same event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { requestMix } from './world';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface BackendProcess {
  url: string;
  stop(): Promise<void>;
}

export async function spawnBackend(requests: number, sms: number): Promise<BackendProcess> {
  const mix = requestMix(requests);
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      import.meta.resolve('tsx'),
      path.join(ROOT, 'backend/index.ts'),
      '--port',
      '0',
      '--seed',
      '42',
      '--arrivals-per-minute',
      '0',
      '--callbacks',
      String(mix.callbacks),
      '--contacts',
      String(mix.contacts),
      '--dpo',
      String(mix.dpo),
      '--equality',
      String(mix.equality),
      '--sms',
      String(sms),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`backend exited with ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
