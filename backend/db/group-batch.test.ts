import { describe, expect, it } from 'vitest';
import { GroupBatch } from './group-batch';

/** A run that records its batches and waits for `release()` before answering. */
function gatedRun() {
  const batches: number[][] = [];
  let release: () => void = () => {};
  let gate = new Promise<void>((r) => (release = r));
  const run = async (items: readonly number[]) => {
    batches.push([...items]);
    await gate;
    if (items.includes(13)) throw new Error('13 refused');
    return items.map((n) => n * 2);
  };
  return {
    batches,
    run,
    open: () => release(),
    close: () => {
      gate = new Promise<void>((r) => (release = r));
    },
  };
}

describe('GroupBatch', () => {
  it('sends the calls made in one turn together, and those that arrive while a batch runs in the next', async () => {
    const gated = gatedRun();
    const batch = new GroupBatch(gated.run);
    const first = [1, 2, 3].map((n) => batch.submit(n));
    await new Promise((r) => setImmediate(r));
    await Promise.resolve();
    expect(gated.batches).toEqual([[1, 2, 3]]);
    const second = [4, 5, 6, 7].map((n) => batch.submit(n));
    gated.open();
    expect(await Promise.all(first)).toEqual([2, 4, 6]);
    expect(await Promise.all(second)).toEqual([8, 10, 12, 14]);
    expect(gated.batches).toEqual([
      [1, 2, 3],
      [4, 5, 6, 7],
    ]);
  });

  it("runs a failed batch again call by call: only the failing call's caller gets the error", async () => {
    const gated = gatedRun();
    gated.open();
    const batch = new GroupBatch(gated.run);
    const answers = await Promise.allSettled([1, 13, 3].map((n) => batch.submit(n)));
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value : (a.reason as Error).message))).toEqual([2, '13 refused', 6]);
    expect(gated.batches).toEqual([[1, 13, 3], [1], [13], [3]]);
  });

  it('keeps at most maxBatch calls in one batch', async () => {
    const gated = gatedRun();
    gated.open();
    const batch = new GroupBatch(gated.run, 2);
    expect(await Promise.all([1, 2, 3, 4, 5].map((n) => batch.submit(n)))).toEqual([2, 4, 6, 8, 10]);
    expect(gated.batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('treats an answer of the wrong length as a failure, not as undefined answers', async () => {
    const batch = new GroupBatch(async (items: readonly number[]) => (items.length > 1 ? [0] : items.map((n) => n + 1)));
    expect(await Promise.all([1, 2].map((n) => batch.submit(n)))).toEqual([2, 3]);
  });
});
