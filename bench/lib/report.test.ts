import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBenchmarksMd } from './report';

const ROUND = `## Issue 19, ingest round: measured with \`--quick\`

What the time went to: the pages did not overlap.`;

const run = (when: string) => ({ when, scale: 'quick', table: `| figure | ours |\n| --- | --- |\n| ingest ${when} | 1 |`, scaling: '| measure |', notes: 'Notes of the run.' });

describe('BENCHMARKS.md', () => {
  it('keeps each round’s findings when a full run replaces the table', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'servicedesk-bench-md-')), 'BENCHMARKS.md');
    writeFileSync(file, `# Benchmarks\n\nintro\n\n${ROUND}\n\n## Last full run (old)\n\n| ingest old | 1 |\n\n## Scaling\n\nold scaling\n\n## Notes\n\nold notes\n`);

    writeBenchmarksMd(file, run('2026-12-02 18:00 UTC'));
    writeBenchmarksMd(file, run('2026-12-03 09:00 UTC'));

    const written = readFileSync(file, 'utf8');
    expect(written.split(ROUND)).toHaveLength(2); // kept, once
    expect(written.indexOf(ROUND)).toBeLessThan(written.indexOf('## Last full run (2026-12-03 09:00 UTC)'));
    expect(written).toContain('| ingest 2026-12-03 09:00 UTC | 1 |');
    for (const stale of ['ingest old', 'ingest 2026-12-02', 'old scaling', 'old notes']) expect(written).not.toContain(stale);
  });

  it('writes a first file without rounds', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'servicedesk-bench-md-')), 'BENCHMARKS.md');
    writeBenchmarksMd(file, run('2026-12-02 18:00 UTC'));
    expect(readFileSync(file, 'utf8')).toMatch(/^# Benchmarks\n\n[^#]+## Last full run \(2026-12-02 18:00 UTC\)\n\nMeasured /);
  });
});
