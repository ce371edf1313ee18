// `selftest`: the deletion self-test from the command line, exit 0 on pass, JSON on request.
import { afterEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../core/desk';
import { tempDir } from '../core/test-support/fixtures';
import { parseCli, UsageError } from './args';
import { runCommand } from './run';

let desk: Desk | null = null;
afterEach(async () => {
  await desk?.close();
  desk = null;
});

describe('cli selftest', () => {
  it('parses with and without --json and refuses extra arguments', () => {
    expect(parseCli(['selftest']).command).toEqual({ name: 'selftest', json: false });
    expect(parseCli(['--data-dir', '/tmp/x', 'selftest', '--json']).command).toEqual({ name: 'selftest', json: true });
    expect(() => parseCli(['selftest', 'now'])).toThrow(UsageError);
    expect(() => parseCli(['selftest', '--outcome', 'resolved'])).toThrow(UsageError);
  });

  it('runs the canary purge and raw scan in the data directory and reports it', async () => {
    desk = openDesk({ dataDir: tempDir(), host: 'cli' });
    const out: string[] = [];
    const code = await runCommand(desk, { name: 'selftest', json: true }, { out: (l) => out.push(l), err: (l) => out.push(l) });
    expect(code).toBe(0);
    const result = JSON.parse(out[0]!) as { passed: boolean; files: string[]; actor: string };
    expect(result).toMatchObject({ passed: true, actor: 'cli' });
    expect(result.files).toContain('servicedesk.sqlite');
  });
});
