// Global setup of Vitest and Playwright: the tests need a PostgreSQL server. Without
// TEST_DATABASE_URL a throwaway cluster is started here (and stopped at the end); every test
// then creates its own database on it. Never a silent skip: without server binaries this fails
// and says what to install.
import { startTestCluster } from '../backend/testing/pg-cluster';
import { TEST_DATABASE_ENV } from '../backend/testing/test-databases';

export default async function setup(): Promise<() => Promise<void>> {
  if (process.env[TEST_DATABASE_ENV]) return async () => undefined;
  const cluster = await startTestCluster();
  process.env[TEST_DATABASE_ENV] = cluster.url;
  return async () => {
    delete process.env[TEST_DATABASE_ENV];
    cluster.stop();
  };
}
