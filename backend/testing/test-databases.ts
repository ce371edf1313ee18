// A fresh database per test on the server of TEST_DATABASE_URL (the global test setup starts a
// throwaway cluster when it is not set), dropped again afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_DATABASE_ENV = 'TEST_DATABASE_URL';

export function testServerUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env[TEST_DATABASE_ENV];
  if (!url) {
    throw new Error(
      `${TEST_DATABASE_ENV} is not set. Run the tests through \`npm test\`, \`npx vitest\` or \`npx playwright test\` (their global setup ` +
        'starts a throwaway PostgreSQL cluster), or set it to a server where the tests may create databases.',
    );
  }
  return url;
}

async function withAdmin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(serverUrl = testServerUrl()): Promise<TestDatabase> {
  const name = `servicedesk_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
