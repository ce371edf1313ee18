// Helpers for the backend's tests: a server on a random port, a clock the test moves, and a
// small client over real HTTP (fetch), so tests exercise exactly what a workstation would.
import { randomUUID } from 'node:crypto';
import { FeedEvent, SessionResponse } from '../shared/sync-api';
import { type BackendOptions, type RunningBackend } from './server';
import { startBackendForTest, type TestDriver } from './testing/test-backend';

export { TEST_DRIVERS, type TestDriver } from './testing/test-backend';

export const SMALL_DEMO = { callbacks: 30, contacts: 20, dpo: 8, equality: 6, sms: 300 };
export const T0 = Date.parse('2026-11-24T09:15:00Z');

export class TestClock {
  constructor(public ms = T0) {}
  now = (): Date => new Date(this.ms);
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

export async function startTestBackend(options: BackendOptions & { driver?: TestDriver } = {}): Promise<{ backend: RunningBackend; clock: TestClock }> {
  const clock = new TestClock();
  const backend = await startBackendForTest({ seed: 7, demo: SMALL_DEMO, now: clock.now, ...options });
  return { backend, clock };
}

export interface HttpAnswer {
  status: number;
  body: unknown;
  headers: Headers;
}

export async function call(url: string, method: 'GET' | 'POST' | 'DELETE', path: string, token?: string, body?: unknown): Promise<HttpAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(url + path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined, headers: res.headers };
}

/** An admin endpoint with the backend's admin token. */
export function admin(backend: RunningBackend, method: 'GET' | 'POST', path: string, body?: unknown): Promise<HttpAnswer> {
  return call(backend.url, method, path, backend.adminToken, body);
}

/** Logs in; returns the token and the workstation used. */
/** Secrets the backend gave at a workstation's first login, so a test can log in on it again. */
const workstationSecrets = new Map<string, string>();

export async function login(url: string, username: string, workstation: string = randomUUID()): Promise<{ token: string; workstation: string; session: SessionResponse }> {
  const key = `${url} ${workstation}`;
  const workstationSecret = workstationSecrets.get(key);
  const answer = await call(url, 'POST', '/api/v1/session', undefined, { username, password: username, workstation, ...(workstationSecret ? { workstationSecret } : {}) });
  if (answer.status !== 200) throw new Error(`login ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
  const session = SessionResponse.parse(answer.body);
  if (session.workstationSecret) workstationSecrets.set(key, session.workstationSecret);
  return { token: session.token, workstation, session };
}

export interface Page {
  events: unknown[];
  cursor: string;
  hasMore: boolean;
}

export async function feedPage(url: string, token: string, cursor?: string, limit?: number): Promise<HttpAnswer & { page: Page }> {
  const q = new URLSearchParams();
  if (cursor !== undefined) q.set('cursor', cursor);
  if (limit !== undefined) q.set('limit', String(limit));
  const answer = await call(url, 'GET', `/api/v1/feed?${q.toString()}`, token);
  return { ...answer, page: answer.body as Page };
}

/** Pulls until hasMore is false; returns every event (parsed) and the last cursor. */
export async function pullAll(url: string, token: string, limit = 500, from?: string): Promise<{ events: FeedEvent[]; cursor: string | undefined; pages: number }> {
  const events: FeedEvent[] = [];
  let cursor = from;
  let pages = 0;
  for (;;) {
    const { status, page } = await feedPage(url, token, cursor, limit);
    if (status !== 200) throw new Error(`feed answered ${status}`);
    for (const e of page.events) events.push(FeedEvent.parse(e));
    cursor = page.cursor;
    pages++;
    if (!page.hasMore) return { events, cursor, pages };
  }
}

export function queuedOf(events: readonly FeedEvent[], kind?: string): Extract<FeedEvent, { type: 'request.queued' }>[] {
  return events.filter((e): e is Extract<FeedEvent, { type: 'request.queued' }> => e.type === 'request.queued' && (kind === undefined || e.request.kind === kind));
}

export function newEventId(): string {
  return randomUUID();
}
