// The benchmark table: our figure, its baseline from the same run, the ratio, the goal, and
// whether the goal was met. Printed and written to BENCHMARKS.md with the machine's description.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

export interface BenchRow {
  figure: string;
  ours: string;
  baseline: string;
  ratio: string;
  goal: string;
  met: boolean | null;
}

export interface ScalingRow {
  measure: string;
  values: Record<string, string>;
}

export function machineDescription(): string {
  const cpus = os.cpus();
  return [
    `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}`,
    `${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM`,
    `${os.type()} ${os.release()}`,
    `Node ${process.versions.node}`,
    `SQLite via better-sqlite3`,
  ].join(', ');
}

export function markdownTable(rows: readonly BenchRow[]): string {
  const lines = ['| figure | ours | baseline (same run) | ratio | goal | met |', '| --- | --- | --- | --- | --- | --- |'];
  for (const r of rows) lines.push(`| ${r.figure} | ${r.ours} | ${r.baseline} | ${r.ratio} | ${r.goal} | ${r.met === null ? '–' : r.met ? 'yes' : '**no**'} |`);
  return lines.join('\n');
}

export function scalingTable(rows: readonly ScalingRow[]): string {
  const sizes = [...new Set(rows.flatMap((r) => Object.keys(r.values)))];
  const lines = [`| measure | ${sizes.join(' | ')} |`, `| --- | ${sizes.map(() => '---').join(' | ')} |`];
  for (const r of rows) lines.push(`| ${r.measure} | ${sizes.map((s) => r.values[s] ?? '–').join(' | ')} |`);
  return lines.join('\n');
}

/**
 * The sections a run does not write: each measuring round's findings under its own "## Issue …"
 * heading (what was profiled, what changed, what was tried and dropped). A full run replaces the
 * table, the scaling and the notes, and keeps these, in their order, above its table.
 */
export function roundSections(previous: string): string[] {
  return previous
    .split(/^(?=## )/m)
    .filter((section) => section.startsWith('## Issue '))
    .map((section) => section.trimEnd());
}

export function writeBenchmarksMd(file: string, parts: { when: string; scale: string; table: string; scaling: string; notes: string }): void {
  const rounds = existsSync(file) ? roundSections(readFileSync(file, 'utf8')) : [];
  writeFileSync(
    file,
    `# Benchmarks

Produced by \`npm run bench\` (not part of \`npm test\`). Each row sets our figure against a
baseline measured in the same process, so the ratio, not the bare time, is what compares
across machines.

${rounds.map((section) => `${section}\n\n`).join('')}## Last full run (${parts.when})

Measured ${parts.when} on ${machineDescription()}; scale: ${parts.scale}.

${parts.table}

## Scaling

${parts.scaling}

## Notes

${parts.notes}
`,
  );
}

export const fmt = {
  ms: (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`,
  rate: (v: number, unit: string) => `${Math.round(v).toLocaleString('en-US')} ${unit}/s`,
  ratio: (v: number) => `${v.toFixed(2)}×`,
  pct: (v: number) => `${(v * 100).toFixed(0)} %`,
  mb: (v: number) => `${v.toFixed(0)} MB`,
};
