// The reference backend: SYNC_API.md over node:http on 127.0.0.1, with synthetic data, a
// background arrival generator, fault mode and a few admin endpoints for tests and the demo.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { API_PREFIX } from '../shared/sync-api';
import { collectStats, type BackendStats } from './admin/stats';
import { adminRoutes, type BackendControl } from './admin/routes';
import { apiRoutes } from './api/routes';
import { CredentialCheck } from './auth/credentials';
import { DEMO_USERS } from './demo-users';
import { type FaultConfig, type FaultConfigInput } from './faults/config';
import { FaultInjector, type CallFault } from './faults/injector';
import { generateHistory, type GenerateCounts } from './generator';
import { mix32 } from './generator/prng';
import { startArrivals } from './arrivals';
import { readJsonBody } from './http/body';
import { failure, send } from './http/reply';
import { matchRoute, type Route } from './http/router';
import { DEFAULT_ERASE_REASON, eraseRequest } from './lifecycle/erase';
import { createBackendState, type BackendState } from './state/backend-state';

export interface BackendOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only: this server holds demo personal data and open admin endpoints. */
  host?: '127.0.0.1';
  seed?: number;
  /** Initial data; defaults to DEFAULT_DEMO. */
  demo?: GenerateCounts;
  /** New requests per minute from the background generator; 0 (default) = off. */
  arrivalsPerMinute?: number;
  tokenTtlSeconds?: number;
  leaseSeconds?: number;
  faults?: FaultConfigInput;
  now?: () => Date;
}

export interface RunningBackend {
  /** e.g. http://127.0.0.1:8787, without a trailing slash. */
  url: string;
  close(): Promise<void>;
  state: BackendState;
  setFaults(faults: FaultConfigInput): FaultConfig;
  /** Adds requests and SMS sends spread over the recent past (as the initial demo data). */
  generate(counts: GenerateCounts): void;
  stats(): BackendStats;
}

export const DEFAULT_DEMO: Required<GenerateCounts> = { callbacks: 200, contacts: 80, dpo: 15, equality: 10, sms: 5000 };
export const DEFAULT_LEASE_SECONDS = 15 * 60;
export const DEFAULT_TOKEN_TTL_SECONDS = 8 * 3600;

export async function startBackend(options: BackendOptions = {}): Promise<RunningBackend> {
  const now = options.now ?? (() => new Date());
  const seed = options.seed ?? 1;
  const state = createBackendState({
    seed,
    leaseSeconds: options.leaseSeconds ?? DEFAULT_LEASE_SECONDS,
    tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
  });
  generateHistory(state, options.demo ?? DEFAULT_DEMO, now().getTime());
  const faults = new FaultInjector(seed, mix32(state.eventSalt ^ 0x6e6f6973), options.faults);

  const control: BackendControl = {
    erase(requestId, reason) {
      const index = state.requests.indexOf(requestId);
      if (index === undefined) return 'not_found';
      return eraseRequest(state, index, reason ?? DEFAULT_ERASE_REASON, now().getTime()) ? 'erased' : 'already_erased';
    },
    generate: (counts) => generateHistory(state, counts, now().getTime()),
    setFaults: (f) => faults.configure(f),
    stats: () => collectStats(state, faults, now().getTime()),
  };
  const routes: Route[] = [...apiRoutes({ state, faults, credentials: new CredentialCheck(DEMO_USERS) }), ...adminRoutes(control)];
  const heldOpen = new Set<NodeJS.Timeout>();

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

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const found = matchRoute(routes, req.method ?? 'GET', url.pathname);
    if (found === null) return send(res, failure(404, 'not_found', `No endpoint ${url.pathname}.`));
    if ('wrongMethod' in found) return send(res, failure(405, 'invalid_request', `Method ${req.method ?? ''} not allowed here.`));

    const fault = url.pathname.startsWith(`${API_PREFIX}/`) ? faults.rollCall() : null;
    if (fault?.kind === 'status') {
      const retry: Record<string, string> = fault.status === 500 ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
      const code = fault.status === 500 ? 'internal' : fault.status === 503 ? 'unavailable' : 'rate_limited';
      return send(res, { ...failure(fault.status, code, 'Injected fault (fault mode).'), headers: retry });
    }
    if (fault && !fault.afterProcessing) return loseAnswer(req, fault);

    const body = req.method === 'POST' ? await readJsonBody(req) : { ok: true as const, value: undefined };
    if (!body.ok) return send(res, body.reply);
    const reply = found.route.handle({ params: found.params, query: url.searchParams, headers: req.headers, body: body.value, nowMs: now().getTime() });
    if (fault) return loseAnswer(req, fault);
    send(res, reply);
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      console.error('backend: unexpected error', error);
      if (!res.headersSent) send(res, failure(500, 'internal', 'Unexpected server error.'));
      else res.destroy();
    });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const stopArrivals = startArrivals(state, options.arrivalsPerMinute ?? 0, now);
  let closing: Promise<void> | undefined;

  return {
    url: `http://${host}:${port}`,
    state,
    setFaults: control.setFaults,
    generate: control.generate,
    stats: control.stats,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        stopArrivals();
        for (const timer of heldOpen) clearTimeout(timer);
        heldOpen.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections (and calls held open by fault mode) would delay close forever.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
