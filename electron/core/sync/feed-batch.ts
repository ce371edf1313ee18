// A bulk pull applies each feed page as it arrives, while the backend already reads the next,
// but commits only every so many events: a commit rewrites every index page it touched, and the
// SMS indexes take random keys (issue 19, the ingest row). So the pull's transaction stays open
// while it waits for the next page, and other work of the desk could run in that wait. It must
// not write into the pull's transaction (a crash would take its writes along): the desk's entry
// points settle the open batch first (commit it), and while they run the pull commits page by page.
import type Database from 'better-sqlite3';

const openBatches = new WeakMap<Database.Database, FeedBatch>();
const working = new WeakMap<Database.Database, number>();

/** Commits a feed batch left open on this connection, before other work touches the database. */
export function settleFeedBatch(client: Database.Database): void {
  openBatches.get(client)?.commit();
}

/** Runs other work of the desk (a renderer call, a sweep) with no feed batch open before or during it. */
export async function asDeskWork<T>(client: Database.Database, work: () => T | Promise<T>): Promise<T> {
  settleFeedBatch(client);
  working.set(client, (working.get(client) ?? 0) + 1);
  try {
    return await work();
  } finally {
    working.set(client, (working.get(client) ?? 1) - 1);
  }
}

/** Synchronous work of the desk (a timer's sweep): settles the batch first; nothing can start meanwhile. */
export function asDeskWorkSync<T>(client: Database.Database, work: () => T): T {
  settleFeedBatch(client);
  return work();
}

export class FeedBatch {
  private pending = 0;

  constructor(private readonly client: Database.Database) {}

  /** Events applied since the last commit. */
  get size(): number {
    return this.pending;
  }

  /**
   * Applies one page in the batch's transaction (opened on the first page). No savepoint per page:
   * inside one SQLite copies every page it changes to a statement journal first, which made the
   * inserts three times slower. A page that fails takes the batch with it (ROLLBACK): the cursor
   * goes back with the events, so the next pull brings them again.
   */
  apply(events: number, applyPage: () => void): void {
    if (!this.client.inTransaction) {
      this.client.exec('BEGIN');
      openBatches.set(this.client, this);
    }
    try {
      applyPage();
    } catch (error) {
      this.rollback();
      throw error;
    }
    this.pending += events;
    // Other work is running (it settled the batch when it began): keep nothing open across its waits.
    if ((working.get(this.client) ?? 0) > 0) this.commit();
  }

  commit(): void {
    if (openBatches.get(this.client) !== this) return;
    openBatches.delete(this.client);
    this.pending = 0;
    if (!this.client.inTransaction) return;
    try {
      this.client.exec('COMMIT');
    } catch (error) {
      // A commit that failed (a full disk) leaves the transaction open: give it up; the pages are pulled again.
      if (this.client.inTransaction) this.client.exec('ROLLBACK');
      throw error;
    }
  }

  private rollback(): void {
    openBatches.delete(this.client);
    this.pending = 0;
    if (this.client.inTransaction) this.client.exec('ROLLBACK');
  }
}
