// A call to the backend whose answer a supervisor waits for and that has no local copy to fall
// back on (the workstations, the long retentions waiting for a decision): offline says so in
// German at once; an expired session ends the session; an answer that breaks its schema is an
// error, never shown half.
import type { z } from 'zod';
import type { DeskContext } from '../desk-context';
import { DeskError } from '../desk-error';
import type { Caller } from '../handlers/handler-types';
import { BackendUnreachableError, type BackendAnswer } from './backend-client';
import { INTERACTIVE_RETRY } from './retry-policy';
import { SessionExpiredError } from './sync-errors';

export async function askBackend(ctx: DeskContext, caller: Caller, request: { method: 'GET' | 'POST'; path: string; body?: unknown; offline: string }): Promise<BackendAnswer> {
  const answer = await ctx.serial(() => ctx.clientFor(caller).call(request.method, request.path, request.body, INTERACTIVE_RETRY)).catch((error: unknown) => {
    throw error instanceof BackendUnreachableError ? new DeskError('backend_unreachable', request.offline) : ctx.translate(error);
  });
  if (answer.status === 401) throw ctx.translate(new SessionExpiredError());
  return answer;
}

/** The 200 answer parsed with its schema; anything else is an unexpected answer, named by `what`. */
export function parsedAnswer<T extends z.ZodType>(schema: T, answer: BackendAnswer, what: string): z.output<T> {
  const result = answer.status === 200 ? schema.safeParse(answer.body) : null;
  if (!result?.success) throw new DeskError('backend_unreachable', `${what}: unerwartete Antwort des Backends (HTTP ${answer.status}).`);
  return result.data;
}
