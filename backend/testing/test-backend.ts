// A backend for one test: on a fresh database of the test server (TEST_DATABASE_URL), or on
// PGlite in memory from a migrated image (about a second instead of initdb's several). Cheap
// password hashing and no periodic timer: tests run the periodic work when they mean to.
import { type DatabaseOptions, openBackendDatabase } from '../db/open';
import { meta } from '../db/schema';
import { startBackend, type BackendOptions, type RunningBackend } from '../server';
import { createTestDatabase } from './test-databases';

export type TestDriver = 'postgres' | 'pglite';
/** The backend's own suite runs on both; everything else on the server (faster to set up). */
export const TEST_DRIVERS: readonly TestDriver[] = ['postgres', 'pglite'];
export const TEST_PASSWORD_COST = 10;

let pgliteImage: Promise<Blob> | null = null;

/** A migrated, empty PGlite database as an image, made once per test process. */
function migratedImage(): Promise<Blob> {
  pgliteImage ??= (async () => {
    const database = await openBackendDatabase({ memory: true });
    // Only the schema: each database made from the image gets its own epoch and keys at open.
    await database.db.delete(meta);
    const image = await database.image!();
    await database.close();
    return image;
  })();
  return pgliteImage;
}

export async function testDatabaseOptions(driver: TestDriver): Promise<{ database: DatabaseOptions; drop(): Promise<void> }> {
  if (driver === 'pglite') return { database: { memory: true, image: await migratedImage() }, drop: async () => undefined };
  const created = await createTestDatabase();
  return { database: { url: created.url }, drop: created.drop };
}

export async function startBackendForTest(options: BackendOptions & { driver?: TestDriver } = {}): Promise<RunningBackend> {
  const { driver = 'postgres', ...rest } = options;
  const { database, drop } = rest.database ? { database: rest.database, drop: async () => undefined } : await testDatabaseOptions(driver);
  const backend = await startBackend({ passwordCost: TEST_PASSWORD_COST, log: null, periodicMs: 0, ...rest, database }).catch(async (error: unknown) => {
    await drop();
    throw error;
  });
  const close = backend.close;
  let closing: Promise<void> | undefined;
  backend.close = () => (closing ??= close().then(drop));
  return backend;
}
