// Timing and memory helpers for the benchmarks. Figures are medians and percentiles of
// repeated runs; every figure is reported against a baseline measured in the same process.
import { performance } from 'node:perf_hooks';

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

/** Milliseconds of one call. */
export async function timeMs(work: () => unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Runs `work` `times` times after `warmup` untimed runs; returns every duration in ms. */
export async function sampleMs(work: () => unknown, times: number, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) samples.push(await timeMs(work));
  return samples;
}

/**
 * Our work and its baseline in turn, `times` each after `warmup` untimed runs: on a machine shared
 * with other work, a busy moment then falls on both alike instead of on whichever ran then.
 * `before` runs untimed ahead of every timed call (a write, say).
 */
export async function sampleInTurnMs(
  ours: () => unknown,
  baseline: () => unknown,
  times: number,
  options: { warmup?: number; before?: () => void } = {},
): Promise<{ ours: number[]; baseline: number[] }> {
  for (let i = 0; i < (options.warmup ?? 3); i++) {
    await ours();
    await baseline();
  }
  const result = { ours: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < times; i++) {
    options.before?.();
    result.ours.push(await timeMs(ours));
    options.before?.();
    result.baseline.push(await timeMs(baseline));
  }
  return result;
}

export function rssMb(): number {
  return process.memoryUsage().rss / 1024 / 1024;
}
