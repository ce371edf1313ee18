// Background work on a timer: runs never overlap (each waits for the one before), an error is
// left to the next run, the timer does not keep the process alive, and stop waits for a run
// under way.
export function repeatEvery(everyMs: number, work: () => Promise<unknown>): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(work).catch(() => undefined);
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
