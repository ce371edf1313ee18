// PGlite runs no autovacuum: without the backend's ANALYZE and its random_page_cost, a feed page
// read every event of an audience and sorted them (issue 19). On a server at the default
// random_page_cost the page walked the feed's own order for the rare audiences, filtering out
// tens of thousands of SMS events (a page 34 ms instead of 7). These tests look at the plan.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Role } from '../../shared/domain';
import { audiencesOf } from '../feed/audience';
import { feedPageStatement, feedHeadSeq } from '../feed/read';
import { generateHistory, generatorContext } from '../generator/index';
import { loadBatch } from '../generator/load';
import { T0 } from '../test-support';
import { type BackendDatabase, rowsOf } from './database';
import { openBackendDatabase } from './open';
import { refreshPlannerStatistics } from './planner-statistics';
import { startBackendForTest } from '../testing/test-backend';
import { createTestDatabase, type TestDatabase } from '../testing/test-databases';

async function plan(database: BackendDatabase, roles: Role[]): Promise<string> {
  const head = await feedHeadSeq(database.db);
  const statement = feedPageStatement(audiencesOf(roles), Math.floor(head / 3), head, 501);
  const rows = await rowsOf<{ 'QUERY PLAN': string }>(database.db, sql`EXPLAIN ${statement}`);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

describe('planner statistics on PGlite', () => {
  let database: BackendDatabase;

  beforeAll(async () => {
    database = await openBackendDatabase({ memory: true });
    await loadBatch(database.db, generateHistory(generatorContext(5), { callbacks: 3_000, contacts: 1_000, dpo: 200, equality: 200, sms: 30_000, portal: 0 }, T0));
    await refreshPlannerStatistics(database);
  }, 120_000);
  afterAll(() => database.close());

  it.each([[['agent']], [['supervisor']], [['dpo']]] as Role[][][])('a feed page for %j walks an index of each audience in order and merges, sorting nothing', async (roles) => {
    const text = await plan(database, roles);
    expect(text).toContain('Merge Append');
    // One ordered index scan per audience: its (audience, seq) index, or the feed's own order
    // where nearly every event is of that audience (the SMS log's).
    expect(text.match(/Index (Only )?Scan using feed_events_(audience_seq|pkey) on feed_events/g)?.length).toBe(audiencesOf(roles).length);
    expect(text).not.toMatch(/Bitmap Heap Scan on feed_events|Seq Scan on feed_events|-> {2}Sort {2}\(/);
  });
});

describe('the backend on PGlite', () => {
  it('gathers statistics after seeding its demo data', async () => {
    const backend = await startBackendForTest({ driver: 'pglite', seed: 3, demo: { callbacks: 50, contacts: 10, dpo: 2, equality: 2, sms: 500, portal: 0 } });
    try {
      const [stats] = await rowsOf<{ tuples: number }>(backend.database.db, sql`SELECT reltuples::int AS tuples FROM pg_class WHERE relname = 'feed_events'`);
      expect(stats?.tuples).toBeGreaterThan(500);
    } finally {
      await backend.close();
    }
  });
});

describe('the feed page on a PostgreSQL server', () => {
  let created: TestDatabase;
  let database: BackendDatabase;

  beforeAll(async () => {
    created = await createTestDatabase();
    database = await openBackendDatabase({ url: created.url });
    await loadBatch(database.db, generateHistory(generatorContext(5), { callbacks: 3_000, contacts: 1_000, dpo: 200, equality: 200, sms: 30_000, portal: 0 }, T0));
    await database.db.execute(sql`ANALYZE`);
  }, 120_000);
  afterAll(async () => {
    await database.close();
    await created.drop();
  });

  it.each([[['supervisor']], [['dpo']]] as Role[][][])('a page for %j reads about what it returns, not the events of other audiences', async (roles) => {
    const head = await feedHeadSeq(database.db);
    const statement = feedPageStatement(audiencesOf(roles), Math.floor(head / 3), head, 501);
    const rows = await rowsOf<{ 'QUERY PLAN': string }>(database.db, sql`EXPLAIN (ANALYZE, FORMAT JSON) ${statement}`);
    const removed: number[] = [];
    const walk = (node: Record<string, unknown>) => {
      if (node['Relation Name'] === 'feed_events') removed.push(Number(node['Rows Removed by Filter'] ?? 0));
      for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
    };
    const [explained] = rows[0]!['QUERY PLAN'] as unknown as [{ Plan: Record<string, unknown> }];
    walk(explained.Plan);
    expect(removed.length).toBe(audiencesOf(roles).length);
    expect(Math.max(...removed)).toBeLessThan(100);
  });
});
