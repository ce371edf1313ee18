import { describe, expect, it } from 'vitest';
import { queueRow } from '../testing/fake-desk-api';
import { countRows, filterRows, NO_FILTER } from './queue-filter';

const rows = [
  queueRow({ id: 'a', due: 'due', topic: 'billing' }),
  queueRow({ id: 'b', due: 'overdue', status: 'claimed', owner: { displayName: 'Anna', mine: true } }),
  queueRow({ id: 'c', kind: 'contact', due: null, topic: 'outage', status: 'claimed_elsewhere', owner: { displayName: 'Ben Berater', mine: false } }),
  queueRow({ id: 'd', due: 'upcoming', topic: 'move', status: 'closed' }),
];
const ids = (f: Partial<typeof NO_FILTER>) => filterRows(rows, { ...NO_FILTER, ...f }).map((r) => r.id);

describe('queue filters', () => {
  it('filters by kind, status, topic and the quick filters', () => {
    expect(ids({})).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ kind: 'contact' })).toEqual(['c']);
    expect(ids({ status: 'closed' })).toEqual(['d']);
    expect(ids({ topic: 'billing' })).toEqual(['a', 'b']);
    expect(ids({ quick: 'due_now' })).toEqual(['a']);
    expect(ids({ quick: 'overdue' })).toEqual(['b']);
    expect(ids({ quick: 'mine' })).toEqual(['b']);
    expect(ids({ kind: 'callback', topic: 'billing', quick: 'overdue' })).toEqual(['b']);
  });

  it('searches what a row shows, in German, case-insensitively', () => {
    expect(ids({ search: 'störung' })).toEqual(['c']);
    expect(ids({ search: 'BERATER' })).toEqual(['c']);
    expect(ids({ search: 'umzug' })).toEqual(['d']);
  });

  it('counts every filter value in one pass', () => {
    expect(countRows(rows)).toEqual({
      all: 4,
      kind: { callback: 3, contact: 1 },
      status: { open: 1, claimed: 1, claimed_elsewhere: 1, closed: 1 },
      topic: { billing: 2, outage: 1, move: 1 },
      quick: { due_now: 1, overdue: 1, mine: 1 },
    });
  });

  it('handles 100,000 rows quickly', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => queueRow({ id: String(i), due: i % 3 === 0 ? 'due' : 'upcoming' }));
    const start = performance.now();
    countRows(many);
    const due = filterRows(many, { ...NO_FILTER, quick: 'due_now' });
    expect(due).toHaveLength(33_334);
    expect(performance.now() - start).toBeLessThan(500);
  });
});
