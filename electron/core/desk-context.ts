// What every handler may use: the database, the clock, the host's options, the token store,
// events to the renderer, and the one serial line to the backend.
import type { ChannelOutput, DeskEvent } from '../../shared/contract';
import type { Clock } from './clock';
import type { DeskDb } from './db/open';
import type { Caller } from './handlers/handler-types';
import type { DeskOptions, TokenStore } from './host';
import type { ActionContext } from './queue/request-actions';
import type { BackendClient } from './sync/backend-client';
import type { FeedContext } from './sync/feed-apply';

export interface DeskContext {
  db: DeskDb;
  clock: Clock;
  options: DeskOptions;
  tokens: TokenStore;
  /** The workstation's secret from the backend (issue 14). */
  secrets: TokenStore;
  emit(...scopes: DeskEvent['scope'][]): void;
  /** One backend conversation at a time: the outbox is sent in order, never twice at once. */
  serial<T>(work: () => Promise<T>): Promise<T>;
  clientFor(caller: Caller): BackendClient;
  feedContext(caller: Caller): FeedContext;
  actionContext(caller: Caller): ActionContext;
  /** Maps sync failures to DeskErrors; an expired session also clears the token. */
  translate(error: unknown): unknown;
  /** Queue → try to send at once → tell the user whether it went out. */
  deliver(caller: Caller, outboxSeq: number): Promise<ChannelOutput<'request.claim'>>;
}
