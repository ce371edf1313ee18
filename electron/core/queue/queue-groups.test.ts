// The group counts behind the filter bar and the totals stay exact through every kind of write:
// claims, closes and erasures by the core's own actions, plain updates and inserts, a rolled-back
// transaction, and a commit by another connection (the CLI on the same data directory).
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { DeskDb } from '../db/open';
import { retireRequest } from '../retention/purge';
import { fixedClock, tempDatabase } from '../test-support/fixtures';
import { groupCounts, stopGroupTracking } from './queue-groups';
import { claimRequest, closeRequest, type ActionContext } from './request-actions';
import { queueCounts, queueWindow } from './queue-window';

const NOW = '2026-11-25T10:30:00.000Z';
const KINDS = ['callback', 'contact', 'dpo'] as const;
const TOPICS = ['billing', 'contract', 'move'] as const;

function seed(db: DeskDb, count: number): string[] {
  const insert = db.$client.prepare(
    `INSERT INTO requests (id, kind, received_at, topic, status, attempts, updated_at) VALUES (?, ?, ?, ?, 'open', 0, ?)`,
  );
  const ids = Array.from({ length: count }, () => randomUUID());
  db.$client.transaction(() => ids.forEach((id, i) => insert.run(id, KINDS[i % KINDS.length], NOW, TOPICS[i % TOPICS.length], NOW)))();
  return ids;
}

/** What the counts must be: counted afresh by SQLite. */
function counted(db: DeskDb) {
  return db.$client.prepare('SELECT kind, status, topic, count(*) AS n FROM requests GROUP BY kind, status, topic ORDER BY kind, status, topic').all();
}

function expectExact(db: DeskDb) {
  expect(groupCounts(db.$client)).toEqual(counted(db));
  const viewer = { userId: 'u-anna', roles: ['supervisor'] as const };
  const openCallbacks = db.$client.prepare(`SELECT count(*) AS n FROM requests WHERE kind = 'callback' AND status = 'open'`).get() as { n: number };
  const window = queueWindow(db, viewer, { filter: { kind: 'callback', status: 'open' }, sort: { column: 'due', desc: false }, offset: 0, limit: 10 }, new Date(NOW));
  expect(window.total).toBe(openCallbacks.n);
  const all = db.$client.prepare('SELECT count(*) AS n FROM requests').get() as { n: number };
  expect(queueCounts(db, viewer, new Date(NOW)).all).toBe(all.n);
}

describe('queue group counts', () => {
  it('stay exact after claims, closes, erasures, inserts, a rollback and another connection’s commit', () => {
    const { db, file } = tempDatabase();
    const ids = seed(db, 60);
    expectExact(db);
    const ctx: ActionContext = {
      db,
      clock: fixedClock(NOW),
      worker: { userId: 'u-anna', displayName: 'Anna Albers', roles: ['agent'], workstation: 'ws-1' },
    };

    // Claims: open → claim_pending (the core's action), then confirmed as the feed would.
    const callbacks = ids.filter((_, i) => KINDS[i % KINDS.length] === 'callback');
    for (const id of callbacks.slice(0, 6)) claimRequest(ctx, id);
    expectExact(db);
    db.$client.prepare(`UPDATE requests SET status = 'claimed', owner_user_id = 'u-anna', owner_name = 'Anna Albers', owner_workstation = 'ws-1' WHERE status = 'claim_pending'`).run();
    expectExact(db);

    // Closes by the core's action (the callback's personal data is retired at once).
    for (const id of callbacks.slice(0, 3)) closeRequest(ctx, { requestId: id, outcome: 'resolved' });
    expectExact(db);

    // Erasures: the entry is dropped.
    for (const id of ids.slice(30, 36)) retireRequest(db, ctx.clock, id, 'erased', { dropEntry: true });
    expectExact(db);

    // A topic changes; a new entry arrives.
    db.$client.prepare(`UPDATE requests SET topic = 'outage' WHERE id = ?`).run(ids[20]);
    seed(db, 4);
    expectExact(db);

    // A transaction that writes and then fails leaves the counts as they were.
    const before = groupCounts(db.$client);
    expect(() =>
      db.transaction(() => {
        db.$client.prepare(`UPDATE requests SET status = 'closed' WHERE status = 'open'`).run();
        db.$client.prepare('DELETE FROM requests WHERE rowid % 2 = 0').run();
        expect(groupCounts(db.$client)).toEqual(counted(db));
        throw new Error('abandoned');
      }),
    ).toThrow('abandoned');
    expect(groupCounts(db.$client)).toEqual(before);
    expectExact(db);

    // A bulk write with the tracking stopped (a large sync batch): counted afresh when asked.
    stopGroupTracking(db.$client);
    seed(db, 30);
    db.$client.prepare(`UPDATE requests SET status = 'claimed_elsewhere' WHERE rowid % 7 = 0`).run();
    expectExact(db);
    db.$client.prepare('DELETE FROM requests WHERE rowid % 11 = 0').run();
    expectExact(db);

    // Another connection's commit (no triggers of ours there): counted afresh.
    const other = new Database(file);
    other.prepare(`UPDATE requests SET status = 'closed' WHERE kind = 'contact'`).run();
    other.prepare('DELETE FROM requests WHERE rowid IN (SELECT rowid FROM requests LIMIT 5)').run();
    other.close();
    expectExact(db);
    db.$client.close();
  });
});
