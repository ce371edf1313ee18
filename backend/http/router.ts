// A route table: method, path pattern, handler. Small enough that a framework would be more code.
import { type IncomingHttpHeaders } from 'node:http';
import { type Reply } from './reply';

export interface CallContext {
  /** Captured groups of the route's pattern. */
  params: string[];
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  now: Date;
  /** The client's address (the proxy's X-Forwarded-For when it is trusted). */
  client: string;
  /** Aborts when the client goes away (a long poll stops waiting). */
  signal: AbortSignal;
}

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  pattern: RegExp;
  handle: (ctx: CallContext) => Reply | Promise<Reply>;
  /** Largest body this route reads; more is answered with 413 at once. */
  maxBodyBytes?: number;
}

export type RouteMatch = { route: Route; params: string[] } | { wrongMethod: true } | null;

export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  let pathKnown = false;
  for (const route of routes) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    if (route.method === method) return { route, params: m.slice(1) };
    pathKnown = true;
  }
  return pathKnown ? { wrongMethod: true } : null;
}
