// The core behind every host: opens the data directory, validates each call against the
// contract, checks the caller's roles, and runs the handler. Hosts only move bytes.
import { chmodSync, existsSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { toNfc } from '../../shared/text';
import { contract, isChannelName, type Access, type ChannelName, type ChannelOutput, type Contract, type DeskEvent } from '../../shared/contract';
import { systemClock, type Clock } from './clock';
import { DB_FILE, openDatabase, type DeskDb } from './db/open';
import { outbox } from './db/schema';
import type { DeskContext } from './desk-context';
import { DeskError } from './desk-error';
import { ensurePrivateFolder } from './private-folder';
import { storageProblem } from './storage-problem';
import type { Caller } from './handlers/handler-types';
import { auditHandlers } from './handlers/audit-handlers';
import { workstationHandlers } from './handlers/workstation-handlers';
import { subjectHandlers } from './handlers/subject-handlers';
import { subjectErasureHandlers } from './handlers/subject-erasure-handlers';
import { subjectReportHandlers } from './handlers/subject-report-handlers';
import { subjectRightsHandlers } from './handlers/subject-rights-handlers';
import { officerHandlers } from './handlers/officer-handlers';
import { queueHandlers } from './handlers/queue-handlers';
import { retentionHandlers, retentionScheduler } from './handlers/retention-handlers';
import type { ExpiryScheduler } from './retention/expiry-scheduler';
import { sessionHandlers } from './handlers/session-handlers';
import { smsHandlers } from './handlers/sms-handlers';
import { portalHandlers } from './handlers/portal-handlers';
import { rekeyStoredAddresses } from './sms/rekey-addresses';
import { syncHandlers, syncNow } from './handlers/sync-handlers';
import type { DeskCore, DeskOptions, TokenStore } from './host';
import { createFileTokenStore } from './session/file-token-store';
import { readSession } from './session/session-state';
import { BackendClient, BackendUnreachableError } from './sync/backend-client';
import { asDeskWork } from './sync/feed-batch';
import { startFeedWatch } from './sync/feed-watch';
import { pushOutbox } from './sync/outbox-push';
import { INTERACTIVE_RETRY } from './sync/retry-policy';
import { SessionExpiredError, UnexpectedAnswerError } from './sync/sync-errors';

export type { Caller } from './handlers/handler-types';

/** Calls that run a pull themselves: everything else settles an open feed batch first (sync/feed-batch.ts). */
const PULLING_CHANNELS: ReadonlySet<string> = new Set<ChannelName>(['sync.now']);

export interface Desk extends DeskCore {
  readonly db: DeskDb;
  readonly dataDir: string;
  /** Runs a channel as the logged-in user, for the CLI (same validation and role checks). */
  invoke<K extends ChannelName>(channel: K, input: z.input<Contract[K]['input']>): Promise<ChannelOutput<K>>;
}

export function openDesk(options: DeskOptions & { migrationsDir?: string }): Desk {
  ensurePrivateFolder(options.dataDir);
  const dbFile = path.join(options.dataDir, DB_FILE);
  const db = openDatabase(dbFile, { migrationsDir: options.migrationsDir });
  rekeyStoredAddresses(db);
  // Only this user may read the database, also where the folder existed before (Electron's userData).
  for (const file of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
  const clock: Clock = options.now ?? systemClock;
  const tokens: TokenStore = options.tokenStore ?? createFileTokenStore(path.join(options.dataDir, 'session.token'));
  const secrets: TokenStore = options.workstationSecretStore ?? createFileTokenStore(path.join(options.dataDir, 'workstation.secret'));
  const listeners = new Set<(event: DeskEvent) => void>();
  const timers: NodeJS.Timeout[] = [];
  let backendWork: Promise<unknown> = Promise.resolve();
  let scheduler: ExpiryScheduler | null = null;
  let stopWatch: (() => Promise<void>) | null = null;

  const currentCaller = (): Caller | null => {
    const session = readSession(db);
    const token = tokens.load();
    return session && token ? { session, token } : null;
  };

  const ctx: DeskContext = {
    db,
    clock,
    options,
    tokens,
    secrets,
    emit(...scopes) {
      for (const scope of scopes) for (const listener of listeners) listener({ type: 'changed', scope });
    },
    serial(work) {
      const next = backendWork.then(work, work);
      backendWork = next.catch(() => undefined);
      return next;
    },
    clientFor: (caller) => new BackendClient({ baseUrl: caller.session.backendUrl, token: caller.token, fetch: options.fetch }),
    feedContext: (caller) => ({
      db,
      clock,
      userId: caller.session.user.id,
      displayName: caller.session.user.displayName,
      workstation: caller.session.workstation,
      roles: caller.session.user.roles,
    }),
    actionContext: (caller) => ({
      db,
      clock,
      worker: {
        userId: caller.session.user.id,
        displayName: caller.session.user.displayName,
        roles: caller.session.user.roles,
        workstation: caller.session.workstation,
      },
    }),
    translate(error) {
      if (error instanceof SessionExpiredError) {
        tokens.clear(); // the session row and the outbox stay: the same user logs in and carries on
        ctx.emit('session');
        return new DeskError('session_expired', error.message);
      }
      if (error instanceof UnexpectedAnswerError || error instanceof BackendUnreachableError) return new DeskError('backend_unreachable', error.message);
      return error;
    },
    async deliver(caller, seq) {
      ctx.emit('queue');
      try {
        await ctx.serial(() => pushOutbox(ctx.feedContext(caller), ctx.clientFor(caller), { only: seq, retry: INTERACTIVE_RETRY }));
      } catch (error) {
        if (!(error instanceof BackendUnreachableError)) throw ctx.translate(error);
      } finally {
        ctx.emit('queue', 'sync');
      }
      const row = db.select({ status: outbox.status, lastError: outbox.lastError }).from(outbox).where(eq(outbox.seq, seq)).get();
      if (row?.status === 'sent') return { delivery: 'sent', message: null };
      if (row?.status === 'rejected') return { delivery: 'rejected', message: row.lastError };
      return { delivery: 'pending', message: 'Backend nicht erreichbar: Die Aktion ist vorgemerkt und wird gesendet, sobald die Verbindung besteht.' };
    },
  };

  const handlers = {
    ...sessionHandlers(ctx),
    ...queueHandlers(ctx),
    ...syncHandlers(ctx),
    ...retentionHandlers(ctx),
    ...smsHandlers(ctx),
    ...portalHandlers(ctx),
    ...officerHandlers(ctx),
    ...auditHandlers(ctx),
    ...workstationHandlers(ctx),
    ...subjectHandlers(ctx),
    ...subjectErasureHandlers(ctx),
    ...subjectReportHandlers(ctx),
    ...subjectRightsHandlers(ctx),
  } satisfies Record<ChannelName, unknown>;

  const handle = async (channel: string, raw: unknown): Promise<unknown> => {
    if (!isChannelName(channel)) throw new DeskError('invalid_input', `Unbekannter Kanal „${String(channel).slice(0, 60)}“.`);
    const definition = contract[channel];
    const parsed = definition.input.safeParse(toNfc(raw ?? {}));
    if (!parsed.success) throw new DeskError('invalid_input', describeIssues(parsed.error));
    const caller = currentCaller();
    authorize(definition.access, caller, clock);
    const handler = handlers[channel] as (input: unknown, caller: Caller | null) => unknown;
    try {
      const work = () => handler(parsed.data, caller);
      // A sync's own pull may keep its batch open; any other call finds the database settled.
      return await (PULLING_CHANNELS.has(channel) ? work() : asDeskWork(db.$client, work));
    } catch (error) {
      throw storageProblem(error) ?? error;
    }
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
      // One retention scheduler (STYLE.md 7); every change the desk announces may move the soonest expiry.
      scheduler ??= retentionScheduler(ctx);
      scheduler.start();
      // Once per turn of the event loop: a sync announces the queue twice (rows pulled, sync
      // done) and an action several scopes, and each reschedule reads every soonest expiry
      // anew (issue 19: with 50 desks waking for one form this was a third of their work).
      let reschedulePending = false;
      listeners.add((event) => {
        if (event.scope === 'session' || reschedulePending) return;
        reschedulePending = true;
        setImmediate(() => {
          reschedulePending = false;
          scheduler?.reschedule();
        });
      });
      if (options.feedWatch !== false) {
        stopWatch ??= startFeedWatch({
          db,
          currentCaller,
          fetch: options.fetch,
          // Only when there is a sync to do: a failing sync must not be retried in a tight loop.
          onNews: (caller) => syncNow(ctx, caller),
        });
      }
      const interval = options.syncIntervalMs ?? 0;
      if (interval > 0) {
        timers.push(
          setInterval(() => {
            const caller = currentCaller();
            if (caller) syncNow(ctx, caller).catch(() => undefined); // the error is kept in sync.state
          }, interval),
        );
      }
    },
    async close() {
      scheduler?.stop();
      await stopWatch?.();
      timers.forEach(clearInterval);
      listeners.clear();
      await backendWork;
      db.$client.close();
    },
  };
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

/** Plain German without the schema's field keys: the forms name their fields themselves. */
function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  return `Ungültige Eingabe: ${first?.message ?? 'unbekannter Fehler'}`;
}
