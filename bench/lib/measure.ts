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

export function rssMb(): number {
  return process.memoryUsage().rss / 1024 / 1024;
}
