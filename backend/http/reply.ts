// Answers as values: handlers return a Reply, the server decides whether it is sent (fault mode
// may drop it after the work is done, which is exactly what idempotency keys are for).
import { type ServerResponse } from 'node:http';
import { type ApiError, type ERROR_CODES } from '../../shared/sync-api';

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function ok<T>(body: T): Reply {
  return { status: 200, body };
}

export function failure(status: number, error: ErrorCode, detail: string, extra: Omit<ApiError, 'error' | 'detail'> = {}): Reply {
  const body: ApiError = { error, detail, ...extra };
  return { status, body };
}

export function send(res: ServerResponse, reply: Reply): void {
  // Encoded once: a full feed page is ~120 kB, and measuring then writing a string encodes it twice.
  const bytes = Buffer.from(JSON.stringify(reply.body), 'utf8');
  res.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': bytes.length,
    'cache-control': 'no-store',
    ...reply.headers,
  });
  res.end(bytes);
}
