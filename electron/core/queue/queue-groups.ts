// Rows per (kind, status, topic): the filter bar's numbers, and the total of every window whose
// filter compares only those columns (a sum over at most 100 groups instead of counting, say,
// 390,000 open callbacks of a 1M-row queue again).
//
// The counts are kept up to date by this connection's own TEMP triggers on requests, so a claim,
// a close or an erasure (or a colleague's, applied from the feed) changes one or two numbers
// instead of making the next page read the whole filter index again (≈ 10 ms at 100k rows, ≈ 95 ms
// at 1M). TEMP: nothing changes in the database file or its schema, other connections pay nothing,
// and the counts roll back with the transaction that rolls back their rows. Commits of other
// connections (the CLI's sync on the same data directory) move data_version; then, and the first
// time, the counts are read in full.
import type Database from 'better-sqlite3';
import type { RequestKind, Topic } from '../../../shared/domain';
import type { RequestStatus } from '../../../shared/views';

export interface GroupCount {
  kind: RequestKind;
  status: RequestStatus;
  topic: Topic;
  n: number;
}

const TRIGGERS = ['queue_groups_insert', 'queue_groups_delete', 'queue_groups_update'];

/**
 * The counts, and their state: \`counted\` is the data_version of the last full count, \`generation\`
 * moves with every change of the counts. Both are rows of the temp database, so a rollback takes
 * them back with the counts, and an answer cached by them is never one a rollback undid.
 */
const INSTALL = `
  CREATE TEMP TABLE IF NOT EXISTS queue_group_counts (
    kind TEXT NOT NULL, status TEXT NOT NULL, topic TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (kind, status, topic)
  ) WITHOUT ROWID;
  CREATE TEMP TABLE IF NOT EXISTS queue_group_state (counted INTEGER NOT NULL, generation INTEGER NOT NULL);
  INSERT INTO temp.queue_group_state (counted, generation) SELECT -1, 0 WHERE NOT EXISTS (SELECT 1 FROM temp.queue_group_state);
  CREATE TEMP TRIGGER IF NOT EXISTS queue_groups_insert AFTER INSERT ON main.requests BEGIN
    INSERT INTO temp.queue_group_counts (kind, status, topic, n) VALUES (new.kind, new.status, new.topic, 1)
      ON CONFLICT (kind, status, topic) DO UPDATE SET n = n + 1;
    UPDATE temp.queue_group_state SET generation = generation + 1;
  END;
  CREATE TEMP TRIGGER IF NOT EXISTS queue_groups_delete AFTER DELETE ON main.requests BEGIN
    UPDATE temp.queue_group_counts SET n = n - 1 WHERE kind = old.kind AND status = old.status AND topic = old.topic;
    UPDATE temp.queue_group_state SET generation = generation + 1;
  END;
  CREATE TEMP TRIGGER IF NOT EXISTS queue_groups_update AFTER UPDATE OF kind, status, topic ON main.requests
  WHEN old.kind IS NOT new.kind OR old.status IS NOT new.status OR old.topic IS NOT new.topic BEGIN
    UPDATE temp.queue_group_counts SET n = n - 1 WHERE kind = old.kind AND status = old.status AND topic = old.topic;
    INSERT INTO temp.queue_group_counts (kind, status, topic, n) VALUES (new.kind, new.status, new.topic, 1)
      ON CONFLICT (kind, status, topic) DO UPDATE SET n = n + 1;
    UPDATE temp.queue_group_state SET generation = generation + 1;
  END;`;

interface State {
  counted: number;
  generation: number;
  version: number;
  triggers: number;
}

interface Tracker {
  /** The generation \`groups\` were read at. */
  generation: number;
  groups: GroupCount[];
  statements: {
    state: Database.Statement<[], State>;
    clear: Database.Statement<[]>;
    recount: Database.Statement<[]>;
    counted: Database.Statement<[number]>;
    read: Database.Statement<[], GroupCount>;
  };
}

const trackers = new WeakMap<Database.Database, Tracker>();

function tracker(client: Database.Database): Tracker {
  let t = trackers.get(client);
  if (t) return t;
  client.exec(INSTALL);
  t = {
    generation: -1,
    groups: [],
    statements: {
      // The triggers are counted too: a schema change that drops requests (a migration rebuilding
      // it) drops them, and then nothing would keep the counts.
      state: client.prepare(
        `SELECT s.counted, s.generation, d.data_version AS version,
           (SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger' AND name IN (${TRIGGERS.map((n) => `'${n}'`).join(', ')})) AS triggers
         FROM temp.queue_group_state s, pragma_data_version d`,
      ),
      clear: client.prepare('DELETE FROM temp.queue_group_counts'),
      // One walk of the narrow filter index, already in group order.
      recount: client.prepare(
        'INSERT INTO temp.queue_group_counts (kind, status, topic, n) SELECT kind, status, topic, count(*) FROM main.requests INDEXED BY requests_queue_filter GROUP BY kind, status, topic',
      ),
      counted: client.prepare('UPDATE temp.queue_group_state SET counted = ?, generation = generation + 1'),
      read: client.prepare('SELECT kind, status, topic, n FROM temp.queue_group_counts WHERE n > 0 ORDER BY kind, status, topic'),
    },
  };
  trackers.set(client, t);
  return t;
}

/** Every group of the whole queue (all kinds; callers keep what the viewer may see). */
export function groupCounts(client: Database.Database): GroupCount[] {
  const t = tracker(client);
  let state = t.statements.state.get()!;
  const intact = state.triggers === TRIGGERS.length;
  if (intact && state.counted === state.version && state.generation === t.generation) return t.groups;
  if (!intact || state.counted !== state.version) {
    if (!intact) client.exec(INSTALL);
    // Counted as of the version read before the count: a commit in between makes the next call count again.
    const version = state.version;
    client.transaction(() => {
      t.statements.clear.run();
      t.statements.recount.run();
      t.statements.counted.run(version);
    })();
    state = t.statements.state.get()!;
  }
  t.groups = t.statements.read.all();
  t.generation = state.generation;
  return t.groups;
}

/** Rows of these kinds (and this status and topic, where given). */
export function sumGroups(groups: readonly GroupCount[], kinds: readonly string[], status?: string, topic?: string): number {
  let n = 0;
  for (const g of groups) {
    if (kinds.includes(g.kind) && (!status || g.status === status) && (!topic || g.topic === topic)) n += g.n;
  }
  return n;
}
