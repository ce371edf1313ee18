// POST /api/v1/session: username + password + workstation → bearer token.
import { SessionRequest, type SessionResponse } from '../../shared/sync-api';
import { failure, ok, type Reply } from '../http/reply';
import { type CallContext } from '../http/router';
import { instant } from '../time';
import { type ApiDeps } from './deps';
import { describeIssues } from './validation';

export function openSession(deps: ApiDeps, ctx: CallContext): Reply {
  const parsed = SessionRequest.safeParse(ctx.body);
  if (!parsed.success) return failure(400, 'invalid_request', describeIssues(parsed.error));
  const { username, password, workstation } = parsed.data;
  const account = deps.credentials.verify(username, password);
  if (!account) return failure(401, 'invalid_credentials', 'Unknown username or wrong password.');
  const user = { id: account.username, displayName: account.displayName, roles: account.roles };
  const { token, session } = deps.state.sessions.open(user, workstation, ctx.nowMs, deps.state.tokenTtlMs);
  const body: SessionResponse = { token, expiresAt: instant(session.expiresAt), user };
  return ok(body);
}
