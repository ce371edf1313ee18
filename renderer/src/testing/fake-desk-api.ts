// A scriptable stand-in for window.api for unit tests: handlers per channel, a call log, and
// host events on demand. Never imported by app code.
import type { DeskApi } from '../../../shared/api';
import type { ChannelInput, ChannelName, ChannelOutput, DeskErrorCode, DeskEvent } from '../../../shared/contract';
import type { QueueRow, RequestDetail, SessionInfo, SyncState } from '../../../shared/views';

type Handler<K extends ChannelName> = (input: ChannelInput<K>) => ChannelOutput<K> | Promise<ChannelOutput<K>>;
export type Handlers = { [K in ChannelName]?: Handler<K> };

export interface FakeDeskApi extends DeskApi {
  calls: { channel: ChannelName; input: unknown }[];
  handlers: Handlers;
  emit: (event: DeskEvent) => void;
  listenerCount: () => number;
}

export function deskError(code: DeskErrorCode, message: string): Error {
  return Object.assign(new Error(message), { name: 'DeskError', code });
}

export function createFakeDeskApi(handlers: Handlers = {}): FakeDeskApi {
  const listeners = new Set<(event: DeskEvent) => void>();
  const api: FakeDeskApi = {
    calls: [],
    handlers,
    invoke: async (channel, input) => {
      api.calls.push({ channel, input });
      const handler = api.handlers[channel] as Handler<typeof channel> | undefined;
      if (!handler) throw deskError('internal', `kein Handler für ${channel}`);
      return handler(input);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (event) => listeners.forEach((listener) => listener(event)),
    listenerCount: () => listeners.size,
  };
  return api;
}

/** Resolves after pending promise callbacks ran. */
export const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A promise with its resolve function, to hold an answer back. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export const ID_A = '0b7d5e6c-1f2a-4c3b-9d8e-7f6a5b4c3d2e';
export const ID_B = '1c8e6f7d-2a3b-4d4c-8e9f-8a7b6c5d4e3f';

export function queueRow(overrides: Partial<QueueRow> = {}): QueueRow {
  return {
    id: ID_A,
    kind: 'callback',
    receivedAt: '2025-03-10T08:15:00Z',
    topic: 'billing',
    preferredDate: '2025-03-12',
    preferredWindow: { from: '10:00', to: '12:00' },
    dueFrom: '2025-03-12T09:00:00Z',
    dueUntil: '2025-03-12T11:00:00Z',
    status: 'open',
    owner: null,
    leaseUntil: null,
    attempts: 0,
    forwardedTo: null,
    closedAt: null,
    outcome: null,
    hasPersonalData: true,
    pendingEvents: 0,
    ...overrides,
  };
}

export function requestDetail(row: QueueRow, personal: RequestDetail['personal'] = null): RequestDetail {
  return { row, personal, attempts: [], retention: null };
}

export const SESSION: SessionInfo = {
  user: { id: 'u1', displayName: 'Anna Albers', roles: ['agent'] },
  backendUrl: 'http://127.0.0.1:4010',
  workstation: 'ws-1',
  expiresAt: '2025-03-12T18:00:00Z',
};

export function syncState(overrides: Partial<SyncState> = {}): SyncState {
  return {
    lastSyncAt: '2025-03-12T09:30:00Z',
    caughtUp: true,
    lastError: null,
    status: { requests: 3, withPersonalData: 2, sms: 0, tombstones: 1, pendingEvents: 0, pendingReceipts: 0, quarantined: 0 },
    ...overrides,
  };
}

/**
 * Handlers for `queue.window` and `queue.counts` over an in-memory list (in the given order): the
 * quick filter "mine" and paging as the core does them; the core's own tests cover the rest.
 */
export function queueHandlers(rows: () => QueueRow[]): Pick<Handlers, 'queue.window' | 'queue.counts'> {
  const matching = (quick: string | undefined) => rows().filter((r) => quick !== 'mine' || r.owner?.mine === true);
  return {
    'queue.window': ({ filter, offset, limit }) => {
      const all = matching(filter.quick);
      return { rows: all.slice(offset, offset + limit), offset, total: all.length, asOf: '2025-03-12T09:00:00.000Z' };
    },
    'queue.counts': () => ({ all: rows().length, kind: {}, status: {}, topic: {}, quick: { due_now: 0, overdue: 0, mine: matching('mine').length } }),
  };
}
