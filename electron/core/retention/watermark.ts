// The "purged before" marks of the SMS and portal logs: the feed drops a record older than its
// mark, since it was purged here already. The mark moves with the clock at every sweep, and every
// sync sweeps; writing it each time cost a commit (an fsync) per sync for a change of milliseconds.
// A mark that lags is still true (everything before it is gone), so it moves in steps.
import type { DeskDb } from '../db/open';
import { readState, writeState } from '../db/state';

/** A mark moves when it gains at least this much; the feed may then bring a record of the last minute before the cut, which the next sweep purges. */
export const WATERMARK_STEP_MS = 60_000;

/** Moves the mark to `candidate` if it is new or at least one step later; never backwards. */
export function advanceWatermark(db: DeskDb, key: string, candidate: string): void {
  const current = readState(db, key);
  if (current !== null && Date.parse(candidate) - Date.parse(current) < WATERMARK_STEP_MS) return;
  writeState(db, key, candidate);
}
