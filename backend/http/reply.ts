// Answers as values: handlers return a Reply, the server decides whether it is sent (fault mode
// may drop it after the work is done, which is exactly what idempotency keys are for).
import { type ServerResponse } from 'node:http';
import { type ApiError } from '../../shared/sync-api';

export type ErrorCode =
  | 'invalid_request'
  | 'invalid_credentials'
  | 'unauthorized'
  | 'token_expired'
  | 'forbidden'
  | 'not_found'
  | 'already_claimed'
  | 'not_owner'
  | 'cursor_expired'
  | 'invalid_event'
  | 'rate_limited'
  | 'unavailable'
  | 'internal'
  | 'too_large'
  | 'idempotency_conflict';

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Close the connection after this answer (a body left unread, a refused admin call). */
  closeConnection?: boolean;
  /** A page or asset instead of JSON (the website's forms). */
  raw?: { contentType: string; content: string };
}

export function ok<T>(body: T, status = 200): Reply {
  return { status, body };
}

export function failure(status: number, error: ErrorCode, detail: string, extra: Omit<ApiError, 'error' | 'detail'> & Record<string, unknown> = {}): Reply {
  const body: ApiError = { error, detail, ...extra };
  return { status, body };
}

export function send(res: ServerResponse, reply: Reply): void {
  // Encoded once: a full feed page is ~120 kB, and measuring then writing a string encodes it twice.
  const bytes = reply.status === 204 ? Buffer.alloc(0) : Buffer.from(reply.raw ? reply.raw.content : JSON.stringify(reply.body), 'utf8');
  res.writeHead(reply.status, {
    ...(reply.status === 204 ? {} : { 'content-type': reply.raw?.contentType ?? 'application/json; charset=utf-8', 'content-length': bytes.length }),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...(reply.closeConnection ? { connection: 'close' } : {}),
    ...reply.headers,
  });
  res.end(bytes);
}
