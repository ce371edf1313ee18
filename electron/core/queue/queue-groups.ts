// Rows per (kind, status, topic), read once per change of the data: the filter bar's numbers,
// and the total of every window whose filter compares only those columns (a sum over at most
// 100 groups instead of counting, say, 390,000 open callbacks of a 1M-row queue again).
import type Database from 'better-sqlite3';
import type { RequestKind, Topic } from '../../../shared/domain';
import type { RequestStatus } from '../../../shared/views';

export interface GroupCount {
  kind: RequestKind;
  status: RequestStatus;
  topic: Topic;
  n: number;
}

/**
 * Changes whenever the database does: data_version moves with other connections' commits (the
 * CLI's sync), total_changes() with this connection's own writes.
 */
function dataVersion(client: Database.Database): string {
  let statement = versionStatements.get(client);
  if (!statement) versionStatements.set(client, (statement = client.prepare('SELECT total_changes() AS changes, data_version AS version FROM pragma_data_version')));
  const { changes, version } = statement.get() as { changes: number; version: number };
  return `${version}/${changes}`;
}

const versionStatements = new WeakMap<Database.Database, Database.Statement>();
const cached = new WeakMap<Database.Database, { version: string; groups: GroupCount[] }>();

/** Every group of the whole queue (all kinds; callers keep what the viewer may see). */
export function groupCounts(client: Database.Database): GroupCount[] {
  const version = dataVersion(client);
  const hit = cached.get(client);
  if (hit?.version === version) return hit.groups;
  // One walk of the narrow filter index, already in group order.
  const groups = client
    .prepare('SELECT kind, status, topic, count(*) AS n FROM requests INDEXED BY requests_queue_filter GROUP BY kind, status, topic')
    .all() as GroupCount[];
  cached.set(client, { version, groups });
  return groups;
}

/** Rows of these kinds (and this status and topic, where given). */
export function sumGroups(groups: readonly GroupCount[], kinds: readonly string[], status?: string, topic?: string): number {
  let n = 0;
  for (const g of groups) {
    if (kinds.includes(g.kind) && (!status || g.status === status) && (!topic || g.topic === topic)) n += g.n;
  }
  return n;
}
