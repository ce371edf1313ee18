import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SessionResponse } from '../shared/sync-api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('npm run backend (backend/index.ts)', () => {
  it('prints its URL and the demo users, serves the API, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'backend/index.ts', '--port', '0', '--seed', '3', '--callbacks', '5', '--contacts', '4', '--dpo', '1', '--equality', '1', '--sms', '20', '--arrivals-per-minute', '0'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match?.[1] && output.includes('Stop with')) resolve(match[1]);
      });
      child.once('exit', () => reject(new Error(`exited early:\n${output}`)));
    });
    expect(output).toContain('11 requests, 20 SMS records');
    expect(output).toContain('agent / agent: agent (Anna Agentin)');
    expect(output).toContain('supervisor / supervisor: supervisor');

    const answer = await fetch(`${url}/api/v1/session`, {
      method: 'POST',
      body: JSON.stringify({ username: 'dpo', password: 'dpo', workstation: '0f8fad5b-d9cb-469f-a165-70867728950e' }),
    });
    expect(SessionResponse.parse(await answer.json()).user.roles).toEqual(['dpo']);

    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
