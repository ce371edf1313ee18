// Logging in against the backend. A different user on the same workstation starts from a
// fresh copy of the queue (their roles decide what the feed brings), but never loses what is still
// needed (DESIGN.md, "One service center, many workstations"): the previous user's claimed cases
// stay here, theirs and invisible to the new user, until released, closed or their lease ends at
// the backend; kept (retained) cases stay until their retention ends.
import { and, eq, inArray, isNotNull, notInArray } from 'drizzle-orm';
import { ApiError, SessionResponse } from '../../../shared/sync-api';
import type { SessionInfo } from '../../../shared/views';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { auditAlerts, callbackAttempts, outbox, personalData, portalLog, requests, smsLog } from '../db/schema';
import { STATE_KEYS, writeState } from '../db/state';
import { DeskError } from '../desk-error';
import { purgePersonalData, scrubWal } from '../retention/purge';
import { apiErrorCode, BackendClient, BackendUnreachableError } from '../sync/backend-client';
import { INTERACTIVE_RETRY } from '../sync/retry-policy';
import { readSession, renewWorkstationId, workstationId, writeSession } from './session-state';
import { rememberWorkstationSecret, workstationSecretFor } from './workstation-secret';
import type { TokenStore } from '../host';
import { appendAudit } from '../audit/audit-log';
import type { DeskContext } from '../desk-context';
import type { Caller } from '../handlers/handler-types';

export interface LoginInput {
  backendUrl: string;
  username: string;
  password: string;
}

export interface LoginDeps {
  fetch?: typeof fetch;
  /** The workstation's secret from the backend (issue 14). */
  secrets: TokenStore;
}

export async function login(db: DeskDb, clock: Clock, input: LoginInput, deps: LoginDeps): Promise<{ session: SessionInfo; token: string }> {
  let workstation = workstationId(db);
  const client = new BackendClient({ baseUrl: input.backendUrl, fetch: deps.fetch, retry: INTERACTIVE_RETRY });
  const ask = (id: string) => {
    const workstationSecret = workstationSecretFor(deps.secrets, client.baseUrl, id);
    return client.call('POST', '/session', { username: input.username, password: input.password, workstation: id, ...(workstationSecret ? { workstationSecret } : {}) });
  };
  let answer;
  try {
    answer = await ask(workstation);
    // The backend knows this id with a secret this workstation no longer has (the answer to its
    // first login was lost, the secret file deleted): with nothing here that belongs to the old
    // id, carry on under a new one. Otherwise the user must not lose it silently.
    if (refusalReason(answer) === 'workstation_secret_required' && holdsNothing(db)) {
      workstation = renewWorkstationId(db);
      answer = await ask(workstation);
    }
  } catch (error) {
    if (error instanceof BackendUnreachableError) {
      throw new DeskError('backend_unreachable', `Das Backend unter ${client.baseUrl} ist nicht erreichbar. Adresse und Netzwerk prüfen.`);
    }
    throw error;
  }
  if (answer.status === 401) throw new DeskError('invalid_credentials', 'Benutzername oder Passwort ist falsch.');
  const refused = refusalReason(answer);
  if (refused === 'workstation_retired') {
    throw new DeskError('forbidden', 'Dieser Arbeitsplatz wurde von der Leitung stillgelegt und kann sich nicht mehr anmelden.');
  }
  if (refused === 'workstation_secret_required') {
    throw new DeskError(
      'forbidden',
      'Das Backend kennt diesen Arbeitsplatz mit einem Schlüssel, der hier fehlt. Es liegen noch Fälle oder nicht übertragene Aktionen auf diesem Arbeitsplatz; bitte die Leitung verständigen.',
    );
  }
  const parsed = SessionResponse.safeParse(answer.body);
  if (answer.status !== 200 || !parsed.success) {
    const code = apiErrorCode(answer.body);
    throw new DeskError('backend_unreachable', `Unerwartete Antwort des Backends bei der Anmeldung (HTTP ${answer.status}${code ? `, ${code}` : ''}).`);
  }
  const { token, expiresAt, user, workstationSecret } = parsed.data;
  // Kept before anything else: without it this workstation id cannot log in again.
  if (workstationSecret) rememberWorkstationSecret(deps.secrets, client.baseUrl, workstation, workstationSecret);
  const session: SessionInfo = { user, backendUrl: client.baseUrl, workstation, expiresAt };
  const previous = readSession(db);
  db.transaction(() => {
    const newUser = !previous || previous.user.id !== user.id || previous.backendUrl !== session.backendUrl;
    if (previous && newUser) resetForNewUser(db, clock, previous, session.workstation);
    writeSession(db, session);
    // A fresh or emptied copy: until the first sync is in, lookups and lists would answer from part of it.
    // (The same user again keeps a whole, if older, copy and may work offline with it.)
    if (newUser) writeState(db, STATE_KEYS.caughtUpAt, null);
    appendAudit(db, clock, { actor: user.id, action: 'login', details: { roles: user.roles.join(',') } });
  });
  scrubWal(db);
  return { session, token };
}

function refusalReason(answer: { status: number; body: unknown }): string | null {
  if (answer.status !== 403) return null;
  const parsed = ApiError.safeParse(answer.body);
  return parsed.success ? (parsed.data.reason ?? null) : null;
}

/** No unsent actions and no personal data: nothing here is tied to the workstation id. */
function holdsNothing(db: DeskDb): boolean {
  const pending = db.select({ seq: outbox.seq }).from(outbox).where(eq(outbox.status, 'pending')).limit(1).get();
  const held = db.select({ id: personalData.requestId }).from(personalData).limit(1).get();
  return !pending && !held;
}

function resetForNewUser(db: DeskDb, clock: Clock, previous: SessionInfo, workstation: string): void {
  const pending = db.select({ seq: outbox.seq }).from(outbox).where(eq(outbox.status, 'pending')).limit(1).get();
  if (pending) {
    throw new DeskError(
      'conflict',
      `Es gibt noch nicht übertragene Aktionen von ${previous.user.displayName}. Bitte zuerst als ${previous.user.displayName} synchronisieren.`,
    );
  }
  const kept = keptRequestIds(db, workstation);
  const gone = kept.length > 0 ? notInArray(personalData.requestId, kept) : undefined;
  for (const { requestId } of db.select({ requestId: personalData.requestId }).from(personalData).where(gone).all()) {
    purgePersonalData(db, clock, requestId, 'released', previous.user.id);
  }
  const others = kept.length > 0 ? notInArray(requests.id, kept) : undefined;
  db.delete(callbackAttempts).where(kept.length > 0 ? notInArray(callbackAttempts.requestId, kept) : undefined).run();
  db.delete(requests).where(others).run();
  db.delete(smsLog).run();
  db.delete(portalLog).run();
  db.delete(auditAlerts).run();
  // The new user's feed starts from the beginning; it finds the kept entries and updates them.
  writeState(db, STATE_KEYS.cursor, null);
}

/**
 * What a user switch leaves in place: cases claimed at this workstation (by whoever: a user who
 * switched away earlier may still hold some) and closed cases kept with a retention.
 */
function keptRequestIds(db: DeskDb, workstation: string): string[] {
  const claimedHere = db
    .select({ id: requests.id })
    .from(requests)
    .innerJoin(personalData, eq(personalData.requestId, requests.id))
    .where(and(inArray(requests.status, ['claimed', 'claim_pending']), eq(requests.ownerWorkstation, workstation)))
    .all();
  // Retained entries stay listed with their retention facts (since issue 16 without personal data:
  // the backend keeps the case); a tombstone keeps the feed from bringing them back otherwise.
  const retained = db
    .select({ id: requests.id })
    .from(requests)
    .where(and(eq(requests.status, 'closed'), isNotNull(requests.retainedUntil)))
    .all();
  return [...claimedHere, ...retained].map((r) => r.id);
}

/** Logout at the backend (DELETE /session): best effort, a short try, never blocks the logout. */
export async function revokeAtBackend(ctx: Pick<DeskContext, 'options'>, caller: Caller): Promise<void> {
  const client = new BackendClient({ baseUrl: caller.session.backendUrl, token: caller.token, fetch: ctx.options.fetch, timeoutMs: 3_000, retry: { ...INTERACTIVE_RETRY, maxTries: 1 } });
  try {
    await client.call('DELETE', '/session');
  } catch {
    // Offline: the token expires at the backend by itself.
  }
}
