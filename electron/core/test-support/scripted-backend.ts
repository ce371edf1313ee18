// A backend that says whatever a test scripts, as a `fetch` for DeskOptions: for tests of what
// the client does when the backend misbehaves (sends data the user's roles may not see, answers a
// claim with another request, lets the token expire). The reference backend never does that.
import { randomUUID } from 'node:crypto';
import type { Role } from '../../../shared/domain';

export interface ScriptedBackend {
  fetch: typeof fetch;
  /** Events the next feed call returns (then an empty page). */
  feed: unknown[];
  /** Answer to POST /requests/{id}/claim, by requested id. */
  claimAnswer: (requestId: string) => { status: number; body: unknown };
  /** Answer to anything else that is not /session or /feed. */
  otherAnswer: (method: string, path: string, body: unknown) => { status: number; body: unknown };
  /** Every call, in order. */
  calls: { method: string; path: string; body: unknown; token: string | null }[];
  /** When set, every call but /session answers 401 token_expired. */
  expired: boolean;
}

export const SCRIPTED_URL = 'https://scripted.backend.invalid';

export function scriptedBackend(user: { id: string; displayName: string; roles: Role[] }): ScriptedBackend {
  let cursor = 0;
  const backend: ScriptedBackend = {
    feed: [],
    calls: [],
    expired: false,
    claimAnswer: () => ({ status: 404, body: { error: 'not_found', detail: 'scripted' } }),
    otherAnswer: () => ({ status: 200, body: { status: 'accepted' } }),
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(String(input));
      const method = init?.method ?? 'GET';
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : null;
      const auth = new Headers(init?.headers).get('authorization');
      const path = url.pathname.replace(/^\/api\/v1/, '');
      backend.calls.push({ method, path: `${path}${url.search}`, body, token: auth?.replace(/^Bearer /, '') ?? null });
      const json = (status: number, payload: unknown) => new Response(JSON.stringify(payload), { status, headers: { 'content-type': 'application/json' } });
      if (path === '/session') {
        return json(200, { token: `token-${randomUUID()}`, expiresAt: new Date(Date.now() + 8 * 3600_000).toISOString(), user });
      }
      if (backend.expired) return json(401, { error: 'token_expired', detail: 'scripted' });
      if (path === '/feed') {
        const events = backend.feed;
        // A feed watch's probe (`wait=`) only looks for news; the sync it starts takes the events
        // (the real feed is read by cursor, never used up by a look).
        if (!url.searchParams.has('wait')) backend.feed = [];
        cursor++;
        return json(200, { events, cursor: `c${cursor}`, hasMore: false });
      }
      const claim = path.match(/^\/requests\/([^/]+)\/claim$/);
      if (claim) {
        const answer = backend.claimAnswer(decodeURIComponent(claim[1]!));
        return json(answer.status, answer.body);
      }
      if (path === '/receipts') return json(200, { recorded: (body as { receipts: unknown[] }).receipts.length });
      const answer = backend.otherAnswer(method, path, body);
      return json(answer.status, answer.body);
    }) as typeof fetch,
  };
  return backend;
}

const AT = '2026-11-24T08:00:00.000Z';

export function queuedEvent(kind: 'callback' | 'contact' | 'dpo' | 'equality', id: string = randomUUID()) {
  return {
    id: randomUUID(),
    type: 'request.queued',
    at: AT,
    request:
      kind === 'callback'
        ? { id, kind, receivedAt: AT, summary: { preferredDate: '2026-11-25', preferredWindow: { from: '10:00', to: '12:00' }, topic: 'billing' } }
        : { id, kind, receivedAt: AT, summary: { category: 'other' } },
  };
}

export function smsEvent(customerNumber: string, ip: string) {
  return { id: randomUUID(), type: 'sms.logged', at: AT, sms: { id: randomUUID(), customerNumber, sentAt: new Date().toISOString(), ip } };
}

export function claimAnswer(id: string, kind: 'callback' | 'contact' | 'dpo' | 'equality', marker: string) {
  const payload =
    kind === 'callback'
      ? { salutation: 'Frau', name: `Name ${marker}`, phone: '+49 234 5550100', preferredDate: '2026-11-25', preferredWindow: { from: '10:00', to: '12:00' }, topic: 'billing', note: `Notiz ${marker}` }
      : { salutation: 'Herr', name: `Name ${marker}`, email: 'kunde@example.de', category: 'other', subject: `Betreff ${marker}`, message: `Nachricht ${marker}` };
  return { status: 200, body: { request: { id, kind, receivedAt: AT, payload }, leaseUntil: new Date(Date.now() + 3600_000).toISOString() } };
}
