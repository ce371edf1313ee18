// Independent implementations for differential tests: Python's `zoneinfo` and `ipaddress`, run in
// a spawned python3. A machine without python3 fails these tests with a message saying what to
// install: a differential test that silently skips proves nothing.
import { spawnSync } from 'node:child_process';

export function requirePython(): void {
  const probe = spawnSync('python3', ['-c', 'import ipaddress, zoneinfo, json; zoneinfo.ZoneInfo("Europe/Berlin")'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'python3 with the modules ipaddress and zoneinfo (and the Europe/Berlin zone data) is needed as the independent oracle of this test: ' +
        `install it (Debian: apt-get install python3 tzdata). ${probe.error?.message ?? probe.stderr}`,
    );
  }
}

/** Runs `script` with `input` as JSON on stdin and returns its stdout parsed as JSON. */
export function runPython<T>(script: string, input: unknown): T {
  requirePython();
  const result = spawnSync('python3', ['-c', script], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
