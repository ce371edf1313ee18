// Many workstations against one backend: 50 real desk cores (each its own SQLite) pulling the
// whole feed at once against one desk alone, and claims by 50 agents at once against a claim on
// an idle backend. All clients run in this process on this machine, the backend in its own.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { FEED_LIMIT_MAX } from '../../shared/sync-api';
import { pullFeed } from '../../electron/core/sync/feed-pull';
import { percentile } from '../lib/measure';
import { requestMix, supervisorDesk } from '../lib/world';
import { WorkstationConnection } from '../lib/workstation-connection';
import { ADMIN_TOKEN, post, spawnBackendOn, type Engine } from './engine';

export interface FeedResult {
  aloneMs: number;
  allMs: number;
  alonePageP95: number;
  allPageP95: number;
  events: number;
  /** Desks whose pull failed (with why), e.g. the backend's 10 s header timeout while this process was busy applying. */
  failed: string[];
  /** The same pulls by bare HTTP clients (pages fetched, nothing applied): what the backend alone takes. */
  http: { aloneMs: number; allMs: number; alonePageP95: number; allPageP95: number };
}

/** A puller that only fetches pages (as fast as the backend gives them), timing each. */
async function bareHttpPull(url: string, token: string, pages: number[]): Promise<void> {
  let cursor: string | null = null;
  for (;;) {
    const started = performance.now();
    const res = await fetch(`${url}/api/v1/feed?limit=${FEED_LIMIT_MAX}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
    const page = (await res.json()) as { cursor: string; hasMore: boolean };
    pages.push(performance.now() - started);
    cursor = page.cursor;
    if (!page.hasMore) return;
  }
}

async function supervisorToken(url: string): Promise<string> {
  const answer = await post(`${url}/api/v1/session`, { username: 'supervisor', password: 'supervisor', workstation: randomUUID() });
  if (answer.status !== 200 && answer.status !== 201) throw new Error(`login answered ${answer.status}`);
  return (answer.body as { token: string }).token;
}

async function bareHttpPulls(url: string, workstations: number): Promise<FeedResult['http']> {
  const tokens: string[] = [];
  for (let i = 0; i < workstations; i++) tokens.push(await supervisorToken(url));
  const alonePages: number[] = [];
  let started = performance.now();
  await bareHttpPull(url, tokens[0]!, alonePages);
  const aloneMs = performance.now() - started;
  const allPages: number[] = [];
  started = performance.now();
  await Promise.all(tokens.map((token) => bareHttpPull(url, token, allPages)));
  return { aloneMs, allMs: performance.now() - started, alonePageP95: percentile(alonePages, 95), allPageP95: percentile(allPages, 95) };
}

/** A logged-in desk whose feed pages are timed as they come in. */
async function timedDesk(url: string, pages: number[]) {
  const world = await supervisorDesk({ url });
  const call = world.client.call.bind(world.client);
  world.client.call = async (...args: Parameters<typeof call>) => {
    const started = performance.now();
    try {
      return await call(...args);
    } finally {
      if (args[1].startsWith('/feed')) pages.push(performance.now() - started);
    }
  };
  return world;
}

export async function benchFeedPull(engine: Engine, workstations: number, requests: number, sms: number): Promise<FeedResult> {
  const mix = requestMix(requests);
  const demo = ['--seed', '42', '--portal', '0', '--sms', String(sms), ...Object.entries(mix).flatMap(([key, n]) => [`--${key}`, String(n)])];
  const backend = await spawnBackendOn(await engine.fresh(), demo);
  try {
    const alonePages: number[] = [];
    const alone = await timedDesk(backend.url, alonePages);
    const started = performance.now();
    const report = await pullFeed(alone.ctx, alone.client);
    const aloneMs = performance.now() - started;
    await alone.desk.close();

    const allPages: number[] = [];
    const desks = [];
    for (let i = 0; i < workstations; i++) desks.push(await timedDesk(backend.url, allPages));
    const allStarted = performance.now();
    const settled = await Promise.allSettled(desks.map((d) => pullFeed(d.ctx, d.client)));
    const allMs = performance.now() - allStarted;
    const failed = settled.flatMap((s) => (s.status === 'rejected' ? [String((s.reason as Error)?.message ?? s.reason)] : []));
    await Promise.all(desks.map((d) => d.desk.close()));
    const http = await bareHttpPulls(backend.url, workstations);
    return { aloneMs, allMs, alonePageP95: percentile(alonePages, 95), allPageP95: percentile(allPages, 95), events: report.pulled, failed, http };
  } finally {
    await backend.stop();
  }
}

export interface ClaimResult {
  idleP50: number;
  idleP95: number;
  loadedP50: number;
  loadedP95: number;
}

/** An agent at its own workstation: logged in through its own connection, which its claims then use. */
interface Agent {
  connection: WorkstationConnection;
  token: string;
}

async function loginAgent(url: string): Promise<Agent> {
  const connection = new WorkstationConnection(url);
  const answer = await connection.post('/api/v1/session', { username: 'agent', password: 'agent', workstation: randomUUID() });
  if (answer.status !== 200 && answer.status !== 201) throw new Error(`login answered ${answer.status}`);
  return { connection, token: (answer.body as { token: string }).token };
}

async function claim(agent: Agent, requestId: string): Promise<number> {
  const started = performance.now();
  const answer = await agent.connection.post(`/api/v1/requests/${requestId}/claim`, { eventId: randomUUID() }, { authorization: `Bearer ${agent.token}` });
  if (answer.status !== 200) throw new Error(`claim answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`);
  return performance.now() - started;
}

/** Demo users (agent/agent), no demo data: the callbacks to claim are generated by `generateCallbacks`. */
const NO_DEMO_DATA = ['--seed', '42', '--callbacks', '0', '--contacts', '0', '--dpo', '0', '--equality', '0', '--sms', '0', '--portal', '0'];

async function generateCallbacks(url: string, count: number): Promise<string[]> {
  const generated = await post(`${url}/__admin/generate`, { callbacks: count }, { authorization: `Bearer ${ADMIN_TOKEN}` });
  if (generated.status !== 200) throw new Error(`generate answered ${generated.status}`);
  return (generated.body as { requestIds: string[] }).requestIds;
}

/** Each agent claims its own `perAgent` requests one after another, all agents at once. */
async function claimsAtOnce(agents: readonly Agent[], ids: readonly string[], perAgent: number): Promise<{ latencies: number[]; ms: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    agents.map(async (agent, a) => {
      for (const id of ids.slice(a * perAgent, (a + 1) * perAgent)) latencies.push(await claim(agent, id));
    }),
  );
  return { latencies, ms: performance.now() - started };
}

export async function benchClaims(engine: Engine, agents: number, claimsPerAgent: number): Promise<ClaimResult> {
  const backend = await spawnBackendOn(await engine.fresh(), NO_DEMO_DATA);
  try {
    const idleCount = Math.max(40, claimsPerAgent * 2);
    const ids = await generateCallbacks(backend.url, idleCount + agents * claimsPerAgent);
    const team: Agent[] = [];
    for (let i = 0; i < agents; i++) team.push(await loginAgent(backend.url));

    const idle: number[] = [];
    for (const id of ids.slice(0, idleCount)) idle.push(await claim(team[0]!, id));
    const loaded = await claimsAtOnce(team, ids.slice(idleCount), claimsPerAgent);
    for (const agent of team) agent.connection.close();
    return { idleP50: percentile(idle, 50), idleP95: percentile(idle, 95), loadedP50: percentile(loaded.latencies, 50), loadedP95: percentile(loaded.latencies, 95) };
  } finally {
    await backend.stop();
  }
}

export interface ProcessesResult {
  one: { perSec: number; p95: number };
  two: { perSec: number; p95: number };
  /** Of the agents who all claimed one request at the same moment through both processes, how many got it (must be 1). */
  winners: number;
}

/**
 * The same claims by `agents` agents at once through one backend process, then spread over two
 * processes on the same database (PostgreSQL only: PGlite is one process per data directory).
 */
export async function benchClaimsOverProcesses(engine: Engine, agents: number, claimsPerAgent: number): Promise<ProcessesResult> {
  const database = await engine.fresh();
  const first = await spawnBackendOn(database, NO_DEMO_DATA);
  const second = await spawnBackendOn(database, NO_DEMO_DATA);
  try {
    const ids = await generateCallbacks(first.url, 2 * agents * claimsPerAgent + 1);
    const onOne = await Promise.all(Array.from({ length: agents }, () => loginAgent(first.url)));
    const onTwo = await Promise.all(Array.from({ length: agents }, (_, i) => loginAgent(i % 2 ? second.url : first.url)));
    const one = await claimsAtOnce(onOne, ids.slice(0, agents * claimsPerAgent), claimsPerAgent);
    const two = await claimsAtOnce(onTwo, ids.slice(agents * claimsPerAgent, 2 * agents * claimsPerAgent), claimsPerAgent);
    const contested = ids.at(-1)!;
    const answers = await Promise.all(onTwo.map((agent) => agent.connection.post(`/api/v1/requests/${contested}/claim`, { eventId: randomUUID() }, { authorization: `Bearer ${agent.token}` })));
    for (const agent of [...onOne, ...onTwo]) agent.connection.close();
    const rate = (r: { latencies: number[]; ms: number }) => ({ perSec: (r.latencies.length / r.ms) * 1000, p95: percentile(r.latencies, 95) });
    return { one: rate(one), two: rate(two), winners: answers.filter((a) => a.status === 200).length };
  } finally {
    await second.stop();
    await first.stop();
  }
}
