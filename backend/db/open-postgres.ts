// A PostgreSQL server through `pg`: a pool for the work, and one extra connection for LISTEN
// (a pooled connection cannot keep listening).
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { type BackendDatabase } from './database';
import * as schema from './schema';

export interface PostgresOptions {
  url: string;
  /** Connections per backend process. */
  poolSize?: number;
}

export function openPostgres(options: PostgresOptions): BackendDatabase {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
    // A random page costs about what a sequential one does on SSDs and in the page cache. At the
    // default (4, for spinning disks) a feed page of the rare audiences walked the feed's own order
    // and filtered out tens of thousands of SMS events instead of taking the (audience, seq) index:
    // 34 ms a page instead of 7 (issue 19). The same value as on PGlite (open-pglite.ts).
    options: '-c random_page_cost=1.1',
  });
  // A server restart breaks idle connections: the pool drops them and makes new ones; the error
  // must not take the process down.
  pool.on('error', () => undefined);
  const db = drizzle(pool, { schema });
  return {
    db,
    driver: 'postgres',
    async listen(channel, onNotify) {
      let client: pg.Client | null = null;
      let stopped = false;
      let retry: NodeJS.Timeout | undefined;
      const connect = async (): Promise<void> => {
        const next = new pg.Client({ connectionString: options.url });
        next.on('notification', (message) => {
          if (message.channel === channel) onNotify();
        });
        next.on('error', () => {
          // Reconnect after a server restart; waiters are woken so they look for themselves.
          if (stopped) return;
          onNotify();
          void next.end().catch(() => undefined);
          retry = setTimeout(() => void connect().catch(() => undefined), 1_000);
          retry.unref();
        });
        try {
          await next.connect();
          await next.query(`LISTEN ${channel}`);
          client = next;
        } catch {
          await next.end().catch(() => undefined);
          if (!stopped) {
            retry = setTimeout(() => void connect().catch(() => undefined), 1_000);
            retry.unref();
          }
        }
      };
      await connect();
      return async () => {
        stopped = true;
        clearTimeout(retry);
        await client?.end().catch(() => undefined);
      };
    },
    close: () => pool.end(),
  };
}
