// Bearer token → caller, or the 401 the contract asks for.
import { type IncomingHttpHeaders } from 'node:http';
import { type Queryable } from '../db/database';
import { failure, type Reply } from '../http/reply';
import { type Caller } from '../lifecycle/caller';
import { GroupBatch } from '../db/group-batch';
import { lookupSessions, type SessionLookup } from '../lifecycle/sessions';

export type Authenticated = { ok: true; caller: Caller; token: string } | { ok: false; reply: Reply };

export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const match = /^Bearer\s+([A-Za-z0-9_-]{1,200})\s*$/i.exec(headers.authorization ?? '');
  return match?.[1] ?? null;
}

/** Every call looks its token up: the lookups that arrive together go in one statement (db/group-batch.ts). */
const lookups = new WeakMap<Queryable, GroupBatch<{ token: string; now: Date }, SessionLookup>>();

function lookupBatch(q: Queryable): GroupBatch<{ token: string; now: Date }, SessionLookup> {
  let batch = lookups.get(q);
  if (!batch) lookups.set(q, (batch = new GroupBatch((asked) => lookupSessions(q, asked))));
  return batch;
}

export async function authenticate(q: Queryable, headers: IncomingHttpHeaders, now: Date): Promise<Authenticated> {
  const token = bearerToken(headers);
  if (!token) return { ok: false, reply: failure(401, 'unauthorized', 'Authorization: Bearer <token> required.') };
  const found = await lookupBatch(q).submit({ token, now });
  switch (found.status) {
    case 'valid':
      return { ok: true, caller: { user: found.user, workstation: found.workstation }, token };
    case 'expired':
      return { ok: false, reply: failure(401, 'token_expired', 'The session has expired; log in again.') };
    case 'unknown':
      return { ok: false, reply: failure(401, 'unauthorized', 'Unknown or revoked token; log in again.') };
  }
}
