// A route table: method, path pattern, handler. Small enough that a framework would be more code.
import { type IncomingHttpHeaders } from 'node:http';
import { type Reply } from './reply';

export interface CallContext {
  /** Captured groups of the route's pattern. */
  params: string[];
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  nowMs: number;
}

export interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handle: (ctx: CallContext) => Reply;
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
