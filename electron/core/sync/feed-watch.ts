// Waits for news at the backend (SYNC_API 1.1: `GET /feed?wait=`) and syncs as soon as there is
// some, so an open workstation shows a new request within seconds without anyone pressing
// "Jetzt synchronisieren". The periodic sync stays as the fallback. Against a version 1 server,
// which answers at once, this degrades to polling every few seconds, never to a busy loop.
import { FeedPage } from '../../../shared/sync-api';
import type { DeskDb } from '../db/open';
import { readState, STATE_KEYS } from '../db/state';
import type { Caller } from '../handlers/handler-types';
import { BackendClient } from './backend-client';

export const WATCH_WAIT_SECONDS = 25;
/** An answer faster than this without news means the server does not wait: pause instead. */
const MIN_ROUND_MS = 1_000;
const PAUSE_MS = 3_000;
const MAX_BACKOFF_MS = 30_000;

export interface FeedWatchOptions {
  db: DeskDb;
  currentCaller: () => Caller | null;
  onNews: (caller: Caller) => Promise<unknown>;
  fetch?: typeof fetch;
  waitSeconds?: number;
}

export function startFeedWatch(options: FeedWatchOptions): () => Promise<void> {
  let running = true;
  let abort = new AbortController();
  let wake: (() => void) | null = null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });
  const waitSeconds = options.waitSeconds ?? WATCH_WAIT_SECONDS;

  const loop = (async () => {
    let failures = 0;
    while (running) {
      const caller = options.currentCaller();
      if (!caller) {
        await pause(PAUSE_MS);
        continue;
      }
      const started = Date.now();
      let news = false;
      let ok = false;
      try {
        const cursor = readState(options.db, STATE_KEYS.cursor);
        const query = `${cursor ? `cursor=${encodeURIComponent(cursor)}&` : ''}limit=1&wait=${waitSeconds}`;
        abort = new AbortController();
        const client = new BackendClient({
          baseUrl: caller.session.backendUrl,
          token: caller.token,
          fetch: (input, init) => (options.fetch ?? fetch)(input, { ...init, signal: AbortSignal.any([abort.signal, ...(init?.signal ? [init.signal] : [])]) }),
          timeoutMs: (waitSeconds + 15) * 1000,
          retry: { maxTries: 1, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 },
        });
        const answer = await client.call('GET', `/feed?${query}`);
        const page = FeedPage.safeParse(answer.body);
        ok = answer.status === 200 && page.success;
        news = ok && page.data!.events.length > 0;
      } catch {
        ok = false;
      }
      if (!running) break;
      if (news) {
        failures = 0;
        // A poll held across a user switch answers for the user who started it: sync as the one
        // logged in now. Syncing with the old (revoked) token would get 401 and clear the new
        // user's session (issue 16: a supervisor's decision woke the previous DPO's poll).
        const current = options.currentCaller();
        if (current && current.token === caller.token) await options.onNews(current).catch(() => undefined);
      } else if (ok) {
        failures = 0;
        if (Date.now() - started < MIN_ROUND_MS) await pause(PAUSE_MS);
      } else {
        // Unreachable, logged out at the backend, cursor unknown: the periodic sync sorts it out; back off.
        failures++;
        await pause(Math.min(MAX_BACKOFF_MS, PAUSE_MS * 2 ** Math.min(failures - 1, 4)));
      }
    }
  })();

  return async () => {
    running = false;
    abort.abort();
    wake?.();
    await loop;
  };
}
