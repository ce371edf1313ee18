// Group commit for calls that many clients make at once (claims, token lookups): while one batch
// is at the database, the calls that arrive wait and then go together in the next one. On this
// kind of machine a round trip to the database costs more than the work in it (each is a few
// system calls on both sides), so 50 agents claiming at once pay for a handful of round trips
// instead of 50 × twelve; a call on an idle backend goes at once, alone, as before (issue 19).
//
// A batch that fails is run again call by call, so one call's error never becomes another's.
export type RunBatch<I, O> = (items: readonly I[]) => Promise<O[]>;

interface Waiting<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

export class GroupBatch<I, O> {
  #waiting: Waiting<I, O>[] = [];
  #running = false;

  constructor(
    private readonly run: RunBatch<I, O>,
    private readonly maxBatch = 100,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#waiting.push({ item, resolve, reject });
      if (!this.#running) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#running = true;
    try {
      // One turn of the event loop first: the calls whose requests were read in the same turn
      // join. PGlite runs a whole transaction without giving the loop back, so without this
      // every batch there would be a batch of one.
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (this.#waiting.length > 0) {
        const batch = this.#waiting.splice(0, this.maxBatch);
        await this.#settle(batch);
      }
    } finally {
      this.#running = false;
    }
  }

  async #settle(batch: Waiting<I, O>[]): Promise<void> {
    try {
      const results = await this.run(batch.map((w) => w.item));
      if (results.length !== batch.length) throw new Error(`a batch of ${batch.length} answered ${results.length} times`);
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const w of batch) await this.#settle([w]);
    }
  }
}
