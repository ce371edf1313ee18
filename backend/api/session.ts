// POST /api/v1/session: username + password + workstation → bearer token, with failed logins
// throttled; DELETE /api/v1/session: logout, the token is refused from then on.
import { SessionRequest, type SessionResponse } from '../../shared/sync-api';
import { failure, ok, type Reply } from '../http/reply';
import { type CallContext } from '../http/router';
import { openSession, revokeSession } from '../lifecycle/sessions';
import { markSeen } from '../lifecycle/workstation-registry';
import { checkWorkstation } from '../lifecycle/workstations';
import { wireInstant } from '../time';
import { bearerToken } from './auth';
import { type ApiDeps } from './deps';
import { describeIssues } from './validation';

export async function postSession(deps: ApiDeps, ctx: CallContext): Promise<Reply> {
  const parsed = SessionRequest.safeParse(ctx.body);
  if (!parsed.success) return failure(400, 'invalid_request', describeIssues(parsed.error));
  const { username, password, workstation, workstationSecret } = parsed.data;
  const wait = await deps.throttle.retryAfterSeconds(deps.db, username, ctx.client, ctx.now);
  if (wait > 0) return { ...failure(429, 'rate_limited', 'Too many failed logins; try again later.'), headers: { 'retry-after': String(wait) } };
  const user = await deps.credentials.verify(username, password);
  if (!user) {
    await deps.throttle.recordFailure(deps.db, username, ctx.client, ctx.now);
    return failure(401, 'invalid_credentials', 'Unknown username or wrong password.');
  }
  const registration = await checkWorkstation(deps.db, workstation, workstationSecret, user.id, ctx.now);
  if (registration.status === 'retired') return failure(403, 'forbidden', 'This workstation was retired by a supervisor; it cannot log in any more.', { reason: 'workstation_retired' });
  if (registration.status === 'secret_required') {
    // Someone names a registered workstation without its secret: as good as a wrong password.
    await deps.throttle.recordFailure(deps.db, username, ctx.client, ctx.now);
    return failure(403, 'forbidden', 'This workstation id is registered; its secret is required to log in on it.', { reason: 'workstation_secret_required' });
  }
  await deps.throttle.recordSuccess(deps.db, username, ctx.client);
  const session = await openSession(deps.db, user, workstation, ctx.now, deps.tokenTtlMs);
  await markSeen(deps.db, workstation, ctx.now);
  const body: SessionResponse = {
    token: session.token,
    expiresAt: wireInstant(session.expiresAt),
    user,
    ...(registration.status === 'registered' ? { workstationSecret: registration.secret } : {}),
  };
  return ok(body);
}

export async function deleteSession(deps: ApiDeps, ctx: CallContext): Promise<Reply> {
  const token = bearerToken(ctx.headers);
  if (!token) return failure(401, 'unauthorized', 'Authorization: Bearer <token> required.');
  // Revoking an unknown or already revoked token changes nothing and says so the same way.
  await revokeSession(deps.db, token, ctx.now);
  return { status: 204, body: null };
}
