import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDeskService } from '../services/desk';
import {
  createFakeDeskApi,
  deskError,
  ID_A,
  queueHandlers,
  queueRow,
  requestDetail,
  SESSION,
  syncState,
} from '../testing/fake-desk-api';
import { createDeskStores } from './desk-stores';
import { startLiveUpdates } from './live-updates';

function setup() {
  let expired = false;
  const api = createFakeDeskApi({
    'app.config': () => ({ defaultBackendUrl: 'http://127.0.0.1:4010', demoUsers: [], host: 'web' }),
    'session.current': () => (expired ? null : SESSION),
    'session.logout': () => null,
    ...queueHandlers(() => {
      if (expired) throw deskError('session_expired', 'Die Sitzung ist abgelaufen.');
      return [queueRow({ status: 'claimed', owner: { displayName: 'Anna Albers', mine: true } })];
    }),
    'request.detail': () =>
      requestDetail(queueRow({ status: 'claimed' }), {
        salutation: 'Herr',
        name: 'Max Muster',
        phone: '0234 1',
        email: null,
        subject: null,
        message: null,
        note: null,
      }),
    'sync.state': () => syncState(),
  });
  const service = createDeskService(api);
  const stores = createDeskStores(service);
  return { api, service, stores, expire: () => (expired = true) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('desk stores', () => {
  it('drops all server data when the user logs out', async () => {
    const { stores } = setup();
    await stores.session.getState().init();
    await stores.queue.getState().load();
    await stores.queue.getState().select(ID_A);
    await stores.sync.getState().refresh();
    stores.notice.getState().announce('Rückruf übernommen.');
    expect(stores.queue.getState().detail?.personal?.name).toBe('Max Muster');

    await stores.session.getState().logout();
    expect(stores.queue.getState()).toMatchObject({ window: { rows: [] }, mine: [], counts: null, detail: null, selectedId: null });
    expect(stores.sync.getState().state).toBeNull();
    expect(stores.notice.getState().current).toBeNull();
  });

  it('goes back to the login screen when a call finds the session expired', async () => {
    const { stores, expire } = setup();
    await stores.session.getState().init();
    await stores.queue.getState().load();
    expire();
    await stores.queue.getState().load();
    expect(stores.session.getState()).toMatchObject({ phase: 'signed_out', error: 'Die Sitzung ist abgelaufen.' });
    expect(stores.queue.getState().window.rows).toEqual([]);
  });
});

describe('startLiveUpdates', () => {
  it('loads, refetches on host events, polls the sync state, and stops', async () => {
    vi.useFakeTimers();
    const { api, service, stores } = setup();
    await stores.session.getState().init();
    const count = (channel: string) => api.calls.filter((c) => c.channel === channel).length;

    const stop = startLiveUpdates(stores, service, 10_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(count('queue.counts')).toBe(1);
    expect(count('sync.state')).toBe(1);

    api.emit({ type: 'changed', scope: 'queue' });
    api.emit({ type: 'changed', scope: 'sync' });
    api.emit({ type: 'changed', scope: 'session' });
    await vi.advanceTimersByTimeAsync(0);
    expect(count('queue.counts')).toBe(2);
    expect(count('sync.state')).toBe(2);
    expect(count('session.current')).toBe(2);

    await vi.advanceTimersByTimeAsync(20_000);
    expect(count('sync.state')).toBe(4);

    stop();
    expect(api.listenerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(count('sync.state')).toBe(4);
  });
});
