// Bearer token → caller, or the 401 the contract asks for.
import { type IncomingHttpHeaders } from 'node:http';
import { type Caller } from '../lifecycle/caller';
import { failure, type Reply } from '../http/reply';
import { type BackendState } from '../state/backend-state';

export type Authenticated = { ok: true; caller: Caller } | { ok: false; reply: Reply };

export function authenticate(state: BackendState, headers: IncomingHttpHeaders, nowMs: number): Authenticated {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  if (!match?.[1]) return { ok: false, reply: failure(401, 'unauthorized', 'Authorization: Bearer <token> required.') };
  const found = state.sessions.lookup(match[1], nowMs);
  switch (found.status) {
    case 'valid':
      return { ok: true, caller: { user: found.session.user, workstation: found.session.workstation } };
    case 'expired':
      return { ok: false, reply: failure(401, 'token_expired', 'The session has expired; log in again.') };
    case 'unknown':
      return { ok: false, reply: failure(401, 'unauthorized', 'Unknown token; log in again.') };
  }
}
