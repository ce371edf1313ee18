// The reference backend: SYNC_API.md over node:http, on PostgreSQL (a server, or PGlite in this
// process). Any number of these processes can serve one server: everything a request needs is
// in the database, and the periodic work takes turns through an advisory lock.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { API_PREFIX } from '../shared/sync-api';
import { DEMO_USERS } from './demo-users';
import { collectStats, type BackendStats } from './admin/stats';
import { adminRoutes, type BackendControl } from './admin/routes';
import { apiRoutes } from './api/routes';
import { Credentials, demoAccounts, type Account } from './auth/accounts';
import { DEFAULT_INTAKE_PER_MINUTE, IntakeRate } from './auth/intake-rate';
import { LoginThrottle, type ThrottleLimits } from './auth/login-throttle';
import { DEFAULT_PASSWORD_COST } from './auth/password-hash';
import { type BackendDatabase } from './db/database';
import { databaseEpoch, openBackendDatabase, type DatabaseOptions } from './db/open';
import { type FaultConfig, type FaultConfigInput, type FaultCounters } from './faults/config';
import { FaultInjector, type CallFault } from './faults/injector';
import { FeedSignal } from './feed/signal';
import { generateArrivals, generateHistory, generatorContext, type GenerateCounts } from './generator';
import { loadBatch, type LoadedCounts } from './generator/load';
import { mix32 } from './generator/prng';
import { seedDemoIfEmpty } from './generator/seed-demo';
import { startArrivals } from './generator/arrivals';
import { readJsonBody, MAX_BODY_BYTES } from './http/body';
import { clientAddress } from './http/client-address';
import { isLoopbackHost } from './http/loopback';
import { failure, send, type Reply } from './http/reply';
import { matchRoute, type Route } from './http/router';
import { openApiRoute } from './openapi/route';
import { formRoutes } from './forms/routes';
import { runPeriodicWork, startPeriodicWork, type PeriodicSummary } from './jobs/periodic';
import { keepPlannerStatistics, refreshPlannerStatistics } from './db/planner-statistics';
import { DEFAULT_ERASE_REASON, eraseRequest } from './lifecycle/erase';

export interface BackendOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** 127.0.0.1 by default; anything but loopback needs TLS in front and `insecureHttp` said explicitly. */
  host?: string;
  insecureHttp?: boolean;
  /** Where the data lives: a server URL, a PGlite data directory, or memory (default; tests). */
  database?: DatabaseOptions;
  seed?: number;
  /** Demo data for an empty database; false for none. Defaults to DEFAULT_DEMO. */
  demo?: GenerateCounts | false;
  /** New requests per minute from the background generator; 0 (default) = off. */
  arrivalsPerMinute?: number;
  tokenTtlSeconds?: number;
  leaseSeconds?: number;
  faults?: FaultConfigInput;
  /** The clock of everything the backend records (never SQL now()). */
  now?: () => Date;
  /** The accounts (`--users FILE`); the demo users when absent. */
  accounts?: readonly Account[];
  /** log2 of scrypt's N for the demo users and the decoy; DEFAULT_PASSWORD_COST unless set. */
  passwordCost?: number;
  /** The admin endpoints' token; a random one when absent (see RunningBackend.adminToken). */
  adminToken?: string;
  /** The ingest key of the SMS service and the Online-Kundencenter; a random one when absent (RunningBackend.ingestKey). */
  ingestKey?: string;
  /** The reverse proxy whose X-Forwarded-For names the client. */
  trustProxy?: string | null;
  throttle?: ThrottleLimits;
  /** Forms accepted per client address and minute before 429; 0 turns the limit off (default DEFAULT_INTAKE_PER_MINUTE). */
  intakePerMinute?: number;
  /** Milliseconds between runs of the periodic work; 0 = never by itself (tests call runPeriodicWork). */
  periodicMs?: number;
  maxConnections?: number;
  /** Headers must arrive within `headersMs`, the whole request within `requestMs` (defaults 10 s and 30 s). */
  timeouts?: { headersMs?: number; requestMs?: number };
  /** One line per refused request; console.warn by default, null for quiet. */
  log?: ((line: string) => void) | null;
}

export interface RunningBackend {
  /** e.g. http://127.0.0.1:8787, without a trailing slash. */
  url: string;
  adminToken: string;
  ingestKey: string;
  database: BackendDatabase;
  /** True when the demo data was seeded by this start (the database was empty). */
  seededDemo: boolean;
  close(): Promise<void>;
  setFaults(faults: FaultConfigInput): FaultConfig;
  /** The fault mode's configuration and counters (this process's). */
  faultState(): { config: FaultConfig; counters: FaultCounters };
  /** Adds requests and SMS sends spread over the recent past (as the initial demo data). */
  generate(counts: GenerateCounts): Promise<LoadedCounts>;
  /** New requests and sends arriving now. */
  arrive(counts: GenerateCounts): Promise<LoadedCounts>;
  erase(requestId: string, reason?: string): Promise<'erased' | 'already_erased' | 'not_found'>;
  runPeriodicWork(): Promise<PeriodicSummary>;
  stats(): Promise<BackendStats>;
}

export const DEFAULT_DEMO: Required<GenerateCounts> = { callbacks: 200, contacts: 80, dpo: 15, equality: 10, sms: 5000, portal: 2000 };
export const DEFAULT_LEASE_SECONDS = 15 * 60;
export const DEFAULT_TOKEN_TTL_SECONDS = 8 * 3600;
export const DEFAULT_PERIODIC_MS = 5_000;
/** Headers must arrive within 10 s, a whole request within 30 s (a slow body is cut off). */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;

export class InsecureListenError extends Error {
  override readonly name = 'InsecureListenError';
  constructor(host: string) {
    super(`Refusing to listen on ${host} over plain HTTP: put a TLS reverse proxy in front and say --insecure-http explicitly.`);
  }
}

export async function startBackend(options: BackendOptions = {}): Promise<RunningBackend> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && !options.insecureHttp) throw new InsecureListenError(host);
  const now = options.now ?? (() => new Date());
  const log = options.log === undefined ? (line: string) => console.warn(line) : options.log;
  const seed = options.seed ?? 1;
  const database = await openBackendDatabase(options.database ?? { memory: true });
  try {
    return await serve(database, { ...options, host, now, log, seed });
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

async function serve(
  database: BackendDatabase,
  options: BackendOptions & { host: string; now: () => Date; log: ((line: string) => void) | null; seed: number },
): Promise<RunningBackend> {
  const { db } = database;
  const { now, log, host } = options;
  const epoch = await databaseEpoch(database);
  const generator = generatorContext(options.seed);
  const seeded = options.demo === false ? null : await seedDemoIfEmpty(db, generator, options.demo ?? DEFAULT_DEMO, now());
  if (seeded) await refreshPlannerStatistics(database);
  const faults = new FaultInjector(options.seed, mix32(options.seed ^ 0x6e6f6973), options.faults);
  const feedSignal = new FeedSignal();
  await feedSignal.start(database);
  const passwordCost = options.passwordCost ?? DEFAULT_PASSWORD_COST;
  const credentials = await Credentials.create(options.accounts ?? (await demoAccounts(DEMO_USERS, passwordCost)), passwordCost);
  const throttle = await LoginThrottle.open(db, options.throttle);
  const intakeRate = await IntakeRate.open(db, options.intakePerMinute ?? DEFAULT_INTAKE_PER_MINUTE);
  const adminToken = options.adminToken ?? randomBytes(24).toString('base64url');
  const ingestKey = options.ingestKey ?? randomBytes(24).toString('base64url');
  const periodic = () => runPeriodicWork(db, now());

  const control: BackendControl = {
    erase: (requestId, reason) => eraseRequest(db, requestId, reason ?? DEFAULT_ERASE_REASON, now()),
    generate: async (counts) => {
      const loaded = await loadBatch(db, generateHistory(generator, counts, now().getTime()));
      await refreshPlannerStatistics(database);
      return loaded;
    },
    setFaults: (f) => faults.configure(f),
    stats: () => collectStats(db, epoch, faults, now()),
    runPeriodicWork: periodic,
  };
  const hosts: string[] = [];
  const routes: Route[] = [
    ...apiRoutes({ db, epoch, feedSignal, faults, credentials, throttle, leaseMs: (options.leaseSeconds ?? DEFAULT_LEASE_SECONDS) * 1000, ingestKey, intakeRate, log, tokenTtlMs: (options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS) * 1000 }),
    openApiRoute(),
    ...formRoutes(),
    ...adminRoutes(control, { token: adminToken, hosts }),
  ];
  const heldOpen = new Set<NodeJS.Timeout>();
  const trustedProxy = options.trustProxy ?? null;

  /** A lost answer: the socket dies now, or after timeoutMs of silence. */
  function loseAnswer(req: IncomingMessage, fault: Extract<CallFault, { kind: 'drop' | 'timeout' }>): void {
    if (fault.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    const timer = setTimeout(() => {
      heldOpen.delete(timer);
      req.socket.destroy();
    }, fault.ms);
    heldOpen.add(timer);
  }

  function answer(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
    if (reply.status >= 400 && log) {
      const code = (reply.body as { error?: string } | null)?.error ?? '';
      // The path without its query (cursors, tokens never), and no client address: one line per refusal.
      log(`${now().toISOString()} refused ${reply.status} ${code} ${req.method ?? ''} ${(req.url ?? '').split('?')[0] ?? ''}`);
    }
    if (reply.closeConnection) res.once('finish', () => req.socket.destroy());
    send(res, reply);
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://backend.invalid');
    const found = matchRoute(routes, req.method ?? 'GET', url.pathname);
    if (found === null) return answer(req, res, { ...failure(404, 'not_found', `No endpoint ${url.pathname}.`), closeConnection: req.method === 'POST' });
    if ('wrongMethod' in found) return answer(req, res, { ...failure(405, 'invalid_request', `Method ${req.method ?? ''} not allowed here.`), closeConnection: true });

    const fault = url.pathname.startsWith(`${API_PREFIX}/`) ? faults.rollCall() : null;
    if (fault?.kind === 'status') {
      const retry: Record<string, string> = fault.status === 500 ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
      const code = fault.status === 500 ? 'internal' : fault.status === 503 ? 'unavailable' : 'rate_limited';
      return answer(req, res, { ...failure(fault.status, code, 'Injected fault (fault mode).'), headers: retry, closeConnection: req.method === 'POST' });
    }
    if (fault && !fault.afterProcessing) return loseAnswer(req, fault);

    const body = req.method === 'POST' ? await readJsonBody(req, found.route.maxBodyBytes ?? MAX_BODY_BYTES) : { ok: true as const, value: undefined };
    if (!body.ok) return answer(req, res, body.reply);
    const aborted = new AbortController();
    res.once('close', () => aborted.abort());
    const reply = await found.route.handle({
      params: found.params,
      query: url.searchParams,
      headers: req.headers,
      body: body.value,
      now: now(),
      client: clientAddress(req, trustedProxy),
      signal: aborted.signal,
    });
    if (fault) return loseAnswer(req, fault);
    answer(req, res, reply);
  }

  const headersTimeout = options.timeouts?.headersMs ?? HEADERS_TIMEOUT_MS;
  const requestTimeout = Math.max(headersTimeout, options.timeouts?.requestMs ?? REQUEST_TIMEOUT_MS);
  const server = createServer({ headersTimeout, requestTimeout, connectionsCheckingInterval: Math.min(1_000, headersTimeout) }, (req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      // The database away (a restart, a failover): the client retries, as the contract says.
      const unavailable = isConnectionError(error);
      if (!unavailable) console.error('backend: unexpected error', error instanceof Error ? error.message : error);
      if (res.headersSent) return void res.destroy();
      const reply = unavailable ? { ...failure(503, 'unavailable', 'The database is not reachable; try again.'), headers: { 'retry-after': '1' } } : failure(500, 'internal', 'Unexpected server error.');
      answer(req, res, reply);
    });
  });
  server.maxConnections = options.maxConnections ?? 1_000;
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  hosts.push(`${urlHost}:${port}`.toLowerCase(), ...(isLoopbackHost(host) ? [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`] : []));
  const stopArrivals = startArrivals(options.arrivalsPerMinute ?? 0, (counts) => loadBatch(db, generateArrivals(generator, counts, now().getTime())), generator.rng);
  const periodicMs = options.periodicMs ?? DEFAULT_PERIODIC_MS;
  const stopPeriodic = periodicMs > 0 ? startPeriodicWork(db, now, periodicMs) : async () => undefined;
  const stopStatistics = keepPlannerStatistics(database);
  let closing: Promise<void> | undefined;

  return {
    url: `http://${urlHost}:${port}`,
    adminToken,
    ingestKey,
    database,
    seededDemo: seeded !== null,
    setFaults: control.setFaults,
    faultState: () => ({ config: faults.config, counters: { ...faults.counters } }),
    generate: control.generate,
    arrive: (counts) => loadBatch(db, generateArrivals(generator, counts, now().getTime())),
    erase: control.erase,
    runPeriodicWork: periodic,
    stats: control.stats,
    close: () => {
      closing ??= (async () => {
        stopArrivals();
        for (const timer of heldOpen) clearTimeout(timer);
        heldOpen.clear();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Keep-alive connections (and calls held open by fault mode) would delay close forever.
        server.closeAllConnections();
        await closed;
        await stopPeriodic();
        await stopStatistics();
        await feedSignal.stop();
        await database.close();
      })();
      return closing;
    },
  };
}

function isConnectionError(error: unknown): boolean {
  // drizzle wraps the driver's error ("Failed query: …"); the cause says what happened.
  for (let e = error as { code?: string; message?: string; cause?: unknown } | null, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    const code = e.code ?? '';
    // Node's socket errors, and PostgreSQL's "admin shutdown" / "cannot connect now" / connection classes.
    if (/^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|57P0[1-3]|08\d\d\d)$/.test(code)) return true;
    if (/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(e.message ?? '')) return true;
  }
  return false;
}
