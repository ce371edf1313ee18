// The core behind every host: opens the data directory, validates each call against the
// contract, checks the caller's roles, and runs the handler. Hosts only move bytes.
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { type z } from 'zod';
import type { Role } from '../../shared/domain';
import { contract, isChannelName, type Access, type ChannelName, type ChannelOutput, type Contract, type DeskEvent } from '../../shared/contract';
import type { SessionInfo } from '../../shared/views';
import { systemClock, type Clock } from './clock';
import { DB_FILE, openDatabase, type DeskDb } from './db/open';
import { outbox } from './db/schema';
import { readState, STATE_KEYS } from './db/state';
import { DeskError } from './desk-error';
import type { DeskCore, DeskOptions, TokenStore } from './host';
import { listQueue, requestDetail } from './queue/queue-view';
import {
  claimRequest,
  closeRequest,
  forwardRequest,
  queueExpiryClose,
  recordAttempt,
  releaseRequest,
  type ActionContext,
} from './queue/request-actions';
import { sweepRetention } from './retention/sweep';
import { lookupSms } from './sms/lookup';
import { createFileTokenStore } from './session/file-token-store';
import { login } from './session/login';
import { readSession } from './session/session-state';
import { deskStatus } from './status';
import { BackendClient, BackendUnreachableError } from './sync/backend-client';
import type { FeedContext } from './sync/feed-apply';
import { pushOutbox } from './sync/outbox-push';
import { INTERACTIVE_RETRY } from './sync/retry-policy';
import { SessionExpiredError, UnexpectedAnswerError } from './sync/sync-errors';
import { runSync } from './sync/sync-run';

const SWEEP_INTERVAL_MS = 15 * 60_000;


export interface Caller {
  session: SessionInfo;
  token: string;
}
type Handlers = {
  [K in ChannelName]: (input: z.output<Contract[K]['input']>, caller: Caller | null) => ChannelOutput<K> | Promise<ChannelOutput<K>>;
};

export interface Desk extends DeskCore {
  readonly db: DeskDb;
  readonly dataDir: string;
  /** Runs a channel as the logged-in user, for the CLI (same validation and role checks). */
  invoke<K extends ChannelName>(channel: K, input: z.input<Contract[K]['input']>): Promise<ChannelOutput<K>>;
}

export function openDesk(options: DeskOptions & { migrationsDir?: string }): Desk {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const dbFile = path.join(options.dataDir, DB_FILE);
  const db = openDatabase(dbFile, { migrationsDir: options.migrationsDir });
  // Only this user may read the database, also where the folder existed before (Electron's userData).
  for (const file of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
  const clock: Clock = options.now ?? systemClock;
  const tokens: TokenStore = options.tokenStore ?? createFileTokenStore(path.join(options.dataDir, 'session.token'));
  const listeners = new Set<(event: DeskEvent) => void>();
  const timers: NodeJS.Timeout[] = [];
  let backendWork: Promise<unknown> = Promise.resolve();

  const emit = (...scopes: DeskEvent['scope'][]) => {
    for (const scope of scopes) for (const listener of listeners) listener({ type: 'changed', scope });
  };
  /** One backend conversation at a time: the outbox is sent in order, never twice at once. */
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = backendWork.then(work, work);
    backendWork = next.catch(() => undefined);
    return next;
  };

  const currentCaller = (): Caller | null => {
    const session = readSession(db);
    const token = tokens.load();
    return session && token ? { session, token } : null;
  };
  const clientFor = (caller: Caller) => new BackendClient({ baseUrl: caller.session.backendUrl, token: caller.token, fetch: options.fetch });
  const feedContext = (caller: Caller): FeedContext => ({
    db,
    clock,
    userId: caller.session.user.id,
    displayName: caller.session.user.displayName,
    workstation: caller.session.workstation,
    roles: caller.session.user.roles,
  });
  const actionContext = (caller: Caller): ActionContext => ({
    db,
    clock,
    worker: {
      userId: caller.session.user.id,
      displayName: caller.session.user.displayName,
      roles: caller.session.user.roles,
      workstation: caller.session.workstation,
    },
  });

  const sessionExpired = () => {
    tokens.clear(); // the session row and the outbox stay: the same user logs in and carries on
    emit('session');
    return new DeskError('session_expired', new SessionExpiredError().message);
  };

  const translate = (error: unknown): unknown => {
    if (error instanceof SessionExpiredError) return sessionExpired();
    if (error instanceof UnexpectedAnswerError || error instanceof BackendUnreachableError) return new DeskError('backend_unreachable', error.message);
    return error;
  };

  /** Queue the action, then try to deliver it at once; offline it stays pending. */
  const deliver = async (caller: Caller, seq: number): Promise<ChannelOutput<'request.claim'>> => {
    emit('queue');
    try {
      await serial(() => pushOutbox(feedContext(caller), clientFor(caller), { only: seq, retry: INTERACTIVE_RETRY }));
    } catch (error) {
      if (error instanceof SessionExpiredError) throw sessionExpired();
      if (!(error instanceof BackendUnreachableError)) throw translate(error);
    } finally {
      emit('queue', 'sync');
    }
    const row = db.select({ status: outbox.status, lastError: outbox.lastError }).from(outbox).where(eq(outbox.seq, seq)).get();
    if (row?.status === 'sent') return { delivery: 'sent', message: null };
    if (row?.status === 'rejected') return { delivery: 'rejected', message: row.lastError };
    return { delivery: 'pending', message: 'Backend nicht erreichbar: Die Aktion ist vorgemerkt und wird gesendet, sobald die Verbindung besteht.' };
  };

  const syncNow = async (caller: Caller) => {
    try {
      return await serial(() =>
        runSync(feedContext(caller), clientFor(caller), { expireOwnedCallback: (id) => queueExpiryClose({ db, clock }, id) }),
      );
    } catch (error) {
      throw translate(error);
    } finally {
      emit('queue', 'sync');
    }
  };

  const handlers: Handlers = {
    'app.config': () => ({
      defaultBackendUrl: options.defaultBackendUrl ?? 'http://127.0.0.1:8787',
      demoUsers: options.demoUsers ?? [],
      host: options.host === 'electron' ? 'electron' : 'web',
    }),
    'session.current': (_input, caller) => caller?.session ?? null,
    'session.login': async (input) => {
      const { session, token } = await login(db, clock, input, options.fetch);
      tokens.save(token);
      emit('session', 'queue', 'sync');
      return session;
    },
    'session.logout': () => {
      tokens.clear();
      emit('session');
      return null;
    },
    'queue.list': (input, caller) => listQueue(db, viewer(caller), input),
    'request.detail': (input, caller) => requestDetail(db, viewer(caller), input.requestId),
    'request.claim': (input, caller) => deliver(caller!, claimRequest(actionContext(caller!), input.requestId)),
    'request.attempt': (input, caller) => deliver(caller!, recordAttempt(actionContext(caller!), input.requestId, input.disposition)),
    'request.forward': (input, caller) => deliver(caller!, forwardRequest(actionContext(caller!), input.requestId, input.department)),
    'request.release': (input, caller) => deliver(caller!, releaseRequest(actionContext(caller!), input.requestId)),
    'request.close': (input, caller) => deliver(caller!, closeRequest(actionContext(caller!), input)),
    'sync.now': (_input, caller) => syncNow(caller!),
    'sync.state': () => ({
      lastSyncAt: readState(db, STATE_KEYS.lastSyncAt),
      lastError: readState(db, STATE_KEYS.lastSyncError),
      status: deskStatus(db),
    }),
    'retention.sweep': () => {
      const report = sweepRetention(db, clock, { expireOwnedCallback: (id) => queueExpiryClose({ db, clock }, id) });
      emit('queue', 'sync');
      return report;
    },
    'sms.lookup': (input, caller) => lookupSms(db, clock, caller!.session.user.id, input),
  };

  const handle = async (channel: string, raw: unknown): Promise<unknown> => {
    if (!isChannelName(channel)) throw new DeskError('invalid_input', `Unbekannter Kanal „${String(channel).slice(0, 60)}“.`);
    const definition = contract[channel];
    const parsed = definition.input.safeParse(raw ?? {});
    if (!parsed.success) throw new DeskError('invalid_input', describeIssues(parsed.error));
    const caller = currentCaller();
    authorize(definition.access, caller, clock);
    const handler = handlers[channel] as (input: unknown, caller: Caller | null) => unknown;
    return handler(parsed.data, caller);
  };

  return {
    db,
    dataDir: options.dataDir,
    handle,
    invoke: (channel, input) => handle(channel, input) as never,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      sweepRetention(db, clock, { expireOwnedCallback: (id) => queueExpiryClose({ db, clock }, id) });
      timers.push(setInterval(() => handlers['retention.sweep']({}, null), SWEEP_INTERVAL_MS));
      const interval = options.syncIntervalMs ?? 0;
      if (interval > 0) {
        timers.push(
          setInterval(() => {
            const caller = currentCaller();
            if (caller) syncNow(caller).catch(() => undefined); // the error is kept in sync.state
          }, interval),
        );
      }
    },
    async close() {
      timers.forEach(clearInterval);
      listeners.clear();
      await backendWork;
      db.$client.close();
    },
  };
}

function viewer(caller: Caller | null): { userId: string; roles: readonly Role[] } {
  return { userId: caller!.session.user.id, roles: caller!.session.user.roles };
}

function authorize(access: Access, caller: Caller | null, clock: Clock): void {
  if (access === 'public') return;
  if (!caller) throw new DeskError('not_logged_in', 'Bitte zuerst anmelden.');
  if (Date.parse(caller.session.expiresAt) <= clock().getTime()) {
    throw new DeskError('session_expired', new SessionExpiredError().message);
  }
  if (access === 'any') return;
  if (!caller.session.user.roles.some((role) => access.includes(role))) {
    throw new DeskError('forbidden', 'Diese Funktion ist für Ihre Rolle nicht freigegeben.');
  }
}

function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  const where = first?.path.length ? ` (${first.path.join('.')})` : '';
  return `Ungültige Eingabe${where}: ${first?.message ?? 'unbekannter Fehler'}`;
}
