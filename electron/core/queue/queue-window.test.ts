// The workbench's window over the queue, on a real SQLite file: every filter, search word and sort
// against a plain reference implementation of what the table promises, pages that add up to the
// whole order without gaps or repeats (whichever plan SQLite is told to use), and counts.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { kindsVisibleTo } from '../../../shared/domain';
import { KIND_LABELS, STATUS_LABELS, TOPIC_LABELS } from '../../../shared/labels';
import { QUEUE_SORT_COLUMNS, type QueueFilter, type QueueSort } from '../../../shared/queue-window';
import type { QueueRow } from '../../../shared/views';
import { openDatabase, type DeskDb } from '../db/open';
import { berlinInstant } from '../time/berlin';
import { tempDatabase } from '../test-support/fixtures';
import { listQueue, type Viewer } from './queue-view';
import { queueCounts, queueWindow } from './queue-window';
import { deskFold } from './text-functions';

const NOW = new Date('2026-11-25T10:30:00.000Z'); // 11:30 in Berlin
const agent: Viewer = { userId: 'u-anna', roles: ['agent'] };
const supervisor: Viewer = { userId: 'u-sven', roles: ['supervisor'] };

const KINDS = ['callback', 'callback', 'contact', 'dpo'] as const;
const TOPICS = ['billing', 'contract', 'move', 'outage', 'other'] as const;
const STATUSES = ['open', 'claimed', 'claimed_elsewhere', 'closed', 'claim_pending', 'open'] as const;
type Owner = readonly [userId: string, displayName: string] | null;
const OWNERS: Owner[] = [null, ['u-anna', 'Anna Albers'], ['u-oez', 'Ömer Özdemir'], ['u-zoe', 'zoe Zander'], ['u-ae', 'Ärger Abel']];

/** `count` rows with many ties (same window, same arrival), inserted in order: rowid = position. */
function seed(db: DeskDb, count: number, owners: (i: number) => Owner = (i) => OWNERS[i % OWNERS.length]!): string[] {
  const insert = db.$client.prepare(
    `INSERT INTO requests (id, kind, received_at, topic, preferred_date, window_from, window_to, due_from, due_until, status, owner_user_id, owner_name, attempts, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ids: string[] = [];
  db.$client.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      const kind = KINDS[i % KINDS.length]!;
      const status = STATUSES[i % STATUSES.length]!;
      const owner = status === 'open' ? null : owners(i);
      const received = `2026-11-2${i % 3}T0${i % 7}:00:00.000Z`;
      const date = `2026-11-2${4 + (i % 3)}`;
      const [from, to] = [`${10 + (i % 2)}:00`, `${12 + (i % 2)}:00`];
      const windowed = kind === 'callback';
      insert.run(
        id, kind, received, TOPICS[i % TOPICS.length], windowed ? date : null, windowed ? from : null, windowed ? to : null,
        windowed ? berlinInstant(date, from) : null, windowed ? berlinInstant(date, to) : null,
        status, owner?.[0] ?? null, owner?.[1] ?? null, i % 4, received,
      );
      ids.push(id);
    }
  })();
  return ids;
}

// ---- the reference: what the table promises, written plainly over the rows listQueue gives ----

const lower = (s: string) => s.toLowerCase();
const collator = new Intl.Collator('de-DE', { sensitivity: 'base', numeric: true });

function matches(row: QueueRow, f: QueueFilter): boolean {
  if (f.kind && row.kind !== f.kind) return false;
  if (f.status && row.status !== f.status) return false;
  if (f.topic && row.topic !== f.topic) return false;
  if (f.quick === 'due_now' && row.due !== 'due') return false;
  if (f.quick === 'overdue' && row.due !== 'overdue') return false;
  if (f.quick === 'mine' && !(row.owner?.mine || (row.status === 'claimed' && !row.owner) || row.status === 'claim_pending')) return false;
  const words = lower(f.search ?? '').split(/\s+/).filter(Boolean);
  const german = row.preferredDate ? row.preferredDate.split('-').reverse().join('.') : '';
  const texts = [KIND_LABELS[row.kind], TOPIC_LABELS[row.topic], STATUS_LABELS[row.status], row.owner?.displayName ?? '', row.preferredDate ?? '', german].map(lower);
  return words.every((w) => texts.some((t) => t.includes(w)) || (w.length >= 4 && row.id.includes(w)));
}

type Key = string | number | null;
const KEYS: Record<QueueSort['column'], (r: QueueRow) => Key> = {
  kind: (r) => KIND_LABELS[r.kind],
  received: (r) => r.receivedAt,
  due: (r) => r.dueFrom,
  topic: (r) => TOPIC_LABELS[r.topic],
  status: (r) => ['open', 'claim_pending', 'claimed', 'claimed_elsewhere', 'closed'].indexOf(r.status),
  owner: (r) => (r.owner ? (r.owner.mine ? 'sie' : deskFold(r.owner.displayName)) : null),
  attempts: (r) => r.attempts,
  dueState: (r) => (r.due ? { overdue: 0, due: 1, upcoming: 2 }[r.due] : null),
};
const LABEL_COLUMNS = new Set(['kind', 'topic']);

function compareKey(a: Key, b: Key, desc: boolean, german: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1; // no value: last, both ways
  const c = german ? collator.compare(String(a), String(b)) : a < b ? -1 : a > b ? 1 : 0;
  return desc ? -c : c;
}

function reference(rows: QueueRow[], position: Map<string, number>, f: QueueFilter, sort: QueueSort): string[] {
  const byDefault = (a: QueueRow, b: QueueRow) =>
    compareKey(a.dueFrom, b.dueFrom, false, false) || compareKey(a.receivedAt, b.receivedAt, false, false) || position.get(a.id)! - position.get(b.id)!;
  return rows
    .filter((r) => matches(r, f))
    .sort((a, b) => compareKey(KEYS[sort.column](a), KEYS[sort.column](b), sort.desc, LABEL_COLUMNS.has(sort.column)) || byDefault(a, b))
    .map((r) => r.id);
}

/** Every row of the order, read window by window as the renderer scrolls. */
function readAll(db: DeskDb, viewer: Viewer, filter: QueueFilter, sort: QueueSort, limit: number): string[] {
  const ids: string[] = [];
  for (let offset = 0; ; offset += limit) {
    const window = queueWindow(db, viewer, { filter, sort, offset, limit }, NOW);
    ids.push(...window.rows.map((r) => r.id));
    if (offset + limit >= window.total) return ids;
  }
}

describe('queue window', () => {
  const { db } = tempDatabase();
  const ids = seed(db, 240);
  const position = new Map(ids.map((id, i) => [id, i]));
  const rowsFor = (viewer: Viewer) => listQueue(db, viewer, {}, NOW);

  it('filters, searches and sorts as the table promises, for every column and direction', () => {
    const filters: QueueFilter[] = [
      {},
      { kind: 'callback' },
      { status: 'open', topic: 'move' },
      { quick: 'due_now' },
      { quick: 'overdue' },
      { quick: 'mine' },
      { search: 'rückruf' },
      { search: 'abrechnung offen' },
      { search: 'ÖMER' },
      { search: 'özd' },
      { search: 'ärger' },
      { search: '25.11.2026' },
      { search: '2026-11-26' },
      { search: ids[7]!.slice(9, 18) },
      { search: 'in bearbeitung zoe' },
      { search: 'nichts davon' },
      { kind: 'contact', search: 'a' },
    ];
    for (const viewer of [agent, supervisor]) {
      const rows = rowsFor(viewer);
      // Agents never see the officers' cases; supervisors see every kind.
      expect(rows.some((r) => r.kind === 'dpo')).toBe(viewer === supervisor);
      for (const filter of filters) {
        for (const column of QUEUE_SORT_COLUMNS) {
          for (const desc of [false, true]) {
            const sort = { column, desc };
            const expected = reference(rows, position, filter, sort);
            const window = queueWindow(db, viewer, { filter, sort, offset: 0, limit: 500 }, NOW);
            expect(window.total, JSON.stringify({ filter, sort })).toBe(expected.length);
            expect(window.rows.map((r) => r.id), JSON.stringify({ viewer: viewer.userId, filter, sort })).toEqual(expected);
          }
        }
      }
    }
  });

  it('finds some rows for the searches above (the reference is not vacuous)', () => {
    const rows = rowsFor(agent);
    for (const search of ['rückruf', 'ÖMER', '25.11.2026', ids[8]!.slice(9, 18)]) {
      expect(reference(rows, position, { search }, { column: 'due', desc: false }).length, search).toBeGreaterThan(0);
    }
  });

  it('reads the same order window by window: no row twice, none skipped', () => {
    const sorts: QueueSort[] = [{ column: 'due', desc: false }, { column: 'topic', desc: true }, { column: 'owner', desc: false }];
    for (const sort of sorts) {
      const whole = queueWindow(db, agent, { filter: {}, sort, offset: 0, limit: 500 }, NOW).rows.map((r) => r.id);
      expect(readAll(db, agent, {}, sort, 7)).toEqual(whole);
    }
  });

  it('answers an offset past the end with the last window, and an empty queue with nothing', () => {
    const sort = { column: 'due', desc: false } as const;
    const total = queueWindow(db, agent, { filter: {}, sort, offset: 0, limit: 1 }, NOW).total;
    const late = queueWindow(db, agent, { filter: {}, sort, offset: total + 50, limit: 10 }, NOW);
    expect(late).toMatchObject({ offset: total - 10, total });
    expect(late.rows).toHaveLength(10);
    expect(queueWindow(db, agent, { filter: { search: 'nichts davon' }, sort, offset: 3, limit: 10 }, NOW)).toMatchObject({ rows: [], total: 0, offset: 0 });
    const nobody: Viewer = { userId: 'x', roles: [] };
    expect(queueWindow(db, nobody, { filter: {}, sort, offset: 0, limit: 10 }, NOW)).toMatchObject({ rows: [], total: 0 });
  });

  it('counts per kind, status, topic and quick filter what the filters then show', () => {
    for (const viewer of [agent, supervisor]) {
      const rows = rowsFor(viewer);
      const counts = queueCounts(db, viewer, NOW);
      const shown = (filter: QueueFilter) => queueWindow(db, viewer, { filter, sort: { column: 'due', desc: false }, offset: 0, limit: 1 }, NOW).total;
      expect(counts.all).toBe(rows.length);
      for (const kind of kindsVisibleTo(viewer.roles)) expect(counts.kind[kind] ?? 0).toBe(shown({ kind }));
      for (const status of ['open', 'claim_pending', 'claimed', 'claimed_elsewhere', 'closed'] as const) expect(counts.status[status] ?? 0).toBe(shown({ status }));
      for (const topic of TOPICS) expect(counts.topic[topic] ?? 0).toBe(shown({ topic }));
      for (const quick of ['due_now', 'overdue', 'mine'] as const) expect(counts.quick[quick]).toBe(shown({ quick }));
      expect(counts.quick.due_now).toBeGreaterThan(0);
      expect(counts.quick.overdue).toBeGreaterThan(0);
      expect(counts.quick.mine).toBeGreaterThan(0);
    }
  });
});

describe('queue search by reference code', () => {
  it('finds the request a caller quotes, in any case and with or without the hyphen, and nothing for a near miss', () => {
    const { db } = tempDatabase();
    const [id, other] = seed(db, 2);
    db.$client.prepare('UPDATE requests SET reference = ? WHERE id = ?').run('K7QM-4XPA', id);
    db.$client.prepare('UPDATE requests SET reference = ? WHERE id = ?').run('K7QM-4XPB', other);
    const sort: QueueSort = { column: QUEUE_SORT_COLUMNS[0], desc: false };
    const find = (search: string) => queueWindow(db, supervisor, { filter: { search }, sort, offset: 0, limit: 10 }, NOW).rows.map((r) => r.id);
    for (const quoted of ['K7QM-4XPA', 'k7qm-4xpa', 'K7QM4XPA', ' k7qm4xpa ']) expect(find(quoted)).toEqual([id]);
    expect(find('K7QM-4XPC')).toEqual([]);
    expect(queueWindow(db, supervisor, { filter: { search: 'K7QM-4XPA' }, sort, offset: 0, limit: 10 }, NOW).rows[0]?.reference).toBe('K7QM-4XPA');
  });
});

describe('queue totals kept per change of the data', () => {
  it('follow writes of this connection and of another one (the CLI sync) at once', () => {
    const { db, file } = tempDatabase();
    seed(db, 40);
    const sort = { column: 'due', desc: false } as const;
    const callbacks = () => queueWindow(db, agent, { filter: { kind: 'callback', status: 'open' }, sort, offset: 0, limit: 5 }, NOW).total;
    const before = callbacks();
    expect(queueCounts(db, agent, NOW).kind.callback).toBeGreaterThan(0);

    seed(db, 12); // 12 more rows, 2 of them open callbacks
    expect(callbacks()).toBe(before + 2);

    const other = openDatabase(file);
    seed(other, 12);
    other.$client.close();
    expect(callbacks()).toBe(before + 4);
    const rows = listQueue(db, agent, {}, NOW);
    expect(queueCounts(db, agent, NOW).all).toBe(rows.length);

    db.$client.prepare("UPDATE requests SET status = 'closed' WHERE kind = 'callback' AND status = 'open'").run();
    expect(callbacks()).toBe(0);
  });
});

describe('queue window at a size where the plan matters', () => {
  it('gives the same rows whether SQLite walks the due index or scans and sorts', () => {
    const { db } = tempDatabase();
    // 25,000 rows; 40 held by a rare owner: a search for them is answered by a scan, the
    // unfiltered queue by walking the index (queue-window.ts chooses).
    const ids = seed(db, 25_000, (i) => (i % 600 === 1 ? ['u-rare', 'Rita Rarität'] : OWNERS[i % OWNERS.length]!));
    const position = new Map(ids.map((id, i) => [id, i]));
    db.$client.exec('ANALYZE');
    const rows = listQueue(db, agent, {}, NOW);
    const sort = { column: 'due', desc: false } as const;
    for (const filter of [{ search: 'rarität' }, {}, { kind: 'contact' as const }]) {
      const expected = reference(rows, position, filter, sort);
      expect(readAll(db, agent, filter, sort, 500).length).toBe(expected.length);
      for (const offset of [0, 130, Math.max(0, expected.length - 60)]) {
        const window = queueWindow(db, agent, { filter, sort, offset, limit: 60 }, NOW);
        expect(window.rows.map((r) => r.id), JSON.stringify({ filter, offset })).toEqual(expected.slice(window.offset, window.offset + 60));
      }
    }
  });
});
