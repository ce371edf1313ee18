// Every sync sweeps. An idle sweep (nothing due) must not write: each commit is an fsync on the
// workstation, and each feed wake-up syncs. The "purged before" marks move in steps instead.
import { describe, expect, it } from 'vitest';
import { readState, STATE_KEYS } from '../db/state';
import { fixedClock, tempDatabase } from '../test-support/fixtures';
import { sweepRetention } from './sweep';
import { WATERMARK_STEP_MS } from './watermark';

const NOW = Date.parse('2026-11-25T09:00:00.000Z');
const at = (ms: number) => fixedClock(new Date(NOW + ms).toISOString());
const changes = (db: ReturnType<typeof tempDatabase>['db']) => (db.$client.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
const marks = (db: ReturnType<typeof tempDatabase>['db']) => [readState(db, STATE_KEYS.smsPurgedBefore), readState(db, STATE_KEYS.portalPurgedBefore)];

describe('idle sweeps', () => {
  it('write nothing until the marks gain a step, then move both, never backwards', () => {
    const { db } = tempDatabase();
    sweepRetention(db, at(0));
    const first = marks(db);
    expect(first.every((m) => m !== null)).toBe(true);

    const before = changes(db);
    sweepRetention(db, at(5_000));
    sweepRetention(db, at(WATERMARK_STEP_MS - 1));
    expect(changes(db)).toBe(before);
    expect(marks(db)).toEqual(first);

    sweepRetention(db, at(WATERMARK_STEP_MS + 1));
    const moved = marks(db);
    moved.forEach((mark, i) => expect(Date.parse(mark!) - Date.parse(first[i]!)).toBe(WATERMARK_STEP_MS + 1));

    // A clock set back (or a looser rule) never moves a mark back: what was purged stays purged.
    sweepRetention(db, at(-3_600_000));
    expect(marks(db)).toEqual(moved);
  });
});
