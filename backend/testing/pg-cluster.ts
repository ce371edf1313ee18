// A throwaway PostgreSQL cluster for the tests: initdb into a temporary folder (as the
// `postgres` user when running as root, which initdb refuses), on a free port on 127.0.0.1,
// with a random password. Tests that need a server use it when TEST_DATABASE_URL is not set;
// the restart and kill tests own one of their own.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface TestCluster {
  /** Superuser URL of the `postgres` database. */
  url: string;
  port: number;
  dataDir: string;
  stop(): void;
  /** Stops the server (fast shutdown) and starts it again on the same port and files. */
  restart(): void;
  /** Only the stop half of restart: the server is down until start(). */
  halt(): void;
  start(): void;
}

const NOT_FOUND =
  'No PostgreSQL server binaries (initdb, pg_ctl) found for the tests. Install them (Debian: apt-get install postgresql), ' +
  'set PG_BIN to their folder, or point TEST_DATABASE_URL at a server the tests may create databases on.';

export function postgresBinDir(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [env.PG_BIN];
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debian, v, 'bin')));
  }
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (pgConfig.status === 0) candidates.push(pgConfig.stdout.trim());
  const found = candidates.find((dir) => dir && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')));
  if (!found) throw new Error(NOT_FOUND);
  return found;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const isRoot = (): boolean => process.getuid?.() === 0;

/** Runs a PostgreSQL program as the user who owns the cluster. */
function asOwner(bin: string, args: string[]): void {
  const [command, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface ClusterOptions {
  maxConnections?: number;
  /** PostgreSQL's own durability settings (fsync, full-page writes), as in production: for measurements of what the files hold. */
  productionLike?: boolean;
}

export async function startTestCluster(options: ClusterOptions = {}): Promise<TestCluster> {
  const bin = postgresBinDir();
  const root = mkdtempSync(path.join(os.tmpdir(), 'servicedesk-pg-'));
  const dataDir = path.join(root, 'data');
  const password = randomBytes(18).toString('base64url');
  const pwfile = path.join(root, 'pw');
  writeFileSync(pwfile, password, { mode: 0o600 });
  if (isRoot()) {
    const { uid, gid } = postgresUser();
    chownSync(root, uid, gid);
    chownSync(pwfile, uid, gid);
  }
  asOwner(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'servicedesk', `--pwfile=${pwfile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync']);
  rmSync(pwfile);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${root}`,
    `-c max_connections=${options.maxConnections ?? 300}`,
    // Throwaway data: no need to wait for the disk.
    ...(options.productionLike ? [] : ['-c fsync=off', '-c full_page_writes=off']),
  ].join(' ');
  const pgCtl = path.join(bin, 'pg_ctl');
  const start = (): void => asOwner(pgCtl, ['-D', dataDir, '-l', path.join(root, 'server.log'), '-o', settings, '-w', '-t', '60', 'start']);
  const halt = (): void => asOwner(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
  start();
  let stopped = false;
  return {
    url: `postgres://servicedesk:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    start,
    halt,
    restart() {
      halt();
      start();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        asOwner(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already down.
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function postgresUser(): { uid: number; gid: number } {
  const out = execFileSync('id', ['postgres'], { encoding: 'utf8' });
  const uid = /uid=(\d+)/.exec(out)?.[1];
  const gid = /gid=(\d+)/.exec(out)?.[1];
  if (!uid || !gid) throw new Error('no user postgres to run the test cluster as (initdb refuses root)');
  return { uid: Number(uid), gid: Number(gid) };
}
