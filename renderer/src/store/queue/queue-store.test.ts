import { describe, expect, it, vi } from 'vitest';
import type { QueueCounts, QueueWindow } from '../../../../shared/queue-window';
import type { QueueRow } from '../../../../shared/views';
import { createDeskService } from '../../services/desk';
import {
  createFakeDeskApi,
  deferred,
  deskError,
  flush,
  ID_A,
  ID_B,
  queueHandlers,
  queueRow,
  requestDetail,
  type Handlers,
} from '../../testing/fake-desk-api';
import { NO_FILTER } from './queue-query';
import { createQueueStore } from './queue-store';

const PERSONAL = {
  salutation: 'Frau' as const,
  name: 'Erika Mustermann',
  phone: '0234 9601234',
  email: null,
  subject: null,
  message: null,
  note: 'Bitte nach 10 Uhr',
};

function setup(handlers: Handlers = {}) {
  const api = createFakeDeskApi(handlers);
  const announce = vi.fn();
  const onAuthLost = vi.fn();
  const onActionDone = vi.fn();
  const store = createQueueStore({ service: createDeskService(api), announce, onAuthLost, onActionDone });
  return { api, store, announce, onAuthLost, onActionDone };
}

/** A tiny in-memory backend: one callback that can be claimed and closed. */
function backend() {
  let row: QueueRow = queueRow();
  let personal: typeof PERSONAL | null = null;
  const handlers: Handlers = {
    ...queueHandlers(() => [row]),
    'request.detail': () => requestDetail(row, personal),
    'request.claim': () => {
      row = { ...row, status: 'claimed', owner: { displayName: 'Anna Albers', mine: true } };
      personal = PERSONAL;
      return { delivery: 'sent', message: null };
    },
    'request.close': ({ outcome }) => {
      row = { ...row, status: 'closed', outcome, closedAt: '2025-03-12T10:00:00Z', hasPersonalData: false };
      personal = null;
      return { delivery: 'sent', message: 'Rückruf abgeschlossen.' };
    },
  };
  return handlers;
}

describe('queue store', () => {
  it('loads the counts, my entries and the first window of the queue', async () => {
    const mine = queueRow({ id: ID_B, status: 'claimed', owner: { displayName: 'Anna Albers', mine: true } });
    const { api, store } = setup(queueHandlers(() => [queueRow(), mine]));
    await store.getState().load();
    expect(store.getState()).toMatchObject({ listStatus: 'ready', listLoaded: true, listError: null });
    expect(store.getState().window).toMatchObject({ offset: 0, total: 2, filter: NO_FILTER });
    expect(store.getState().window.rows.map((r) => r.id)).toEqual([ID_A, ID_B]);
    expect(store.getState().mine.map((r) => r.id)).toEqual([ID_B]);
    expect(store.getState().counts?.all).toBe(2);
    const sort = { column: 'due', desc: false };
    // The rows on screen first, then what the filter bar and the alerts need.
    expect(api.calls).toEqual([
      { channel: 'queue.window', input: { filter: {}, sort, offset: 0, limit: 140 } },
      { channel: 'queue.counts', input: {} },
      { channel: 'queue.window', input: { filter: { quick: 'mine' }, sort, offset: 0, limit: 500 } },
    ]);
  });

  it('asks the core for the filter and sorting chosen, and shows only the newest answer while typing', async () => {
    const answers = new Map<string, ReturnType<typeof deferred<QueueWindow>>>();
    const { api, store } = setup({
      'queue.window': ({ filter }) => {
        const answer = deferred<QueueWindow>();
        answers.set(filter.search ?? '', answer);
        return answer.promise;
      },
    });
    const typedA = store.getState().setFilter({ ...NO_FILTER, kind: 'callback', search: 'a' });
    const typedAb = store.getState().setFilter({ ...NO_FILTER, kind: 'callback', search: ' ab ' });
    expect(api.calls.map((c) => c.input)).toEqual([
      { filter: { kind: 'callback', search: 'a' }, sort: { column: 'due', desc: false }, offset: 0, limit: 141 },
      { filter: { kind: 'callback', search: 'ab' }, sort: { column: 'due', desc: false }, offset: 0, limit: 141 },
    ]);
    // The older answer comes last: it must not replace the newer one.
    answers.get('ab')!.resolve({ rows: [queueRow({ id: ID_B })], offset: 0, total: 1, asOf: '2025-03-12T09:00:00.000Z' });
    await typedAb;
    answers.get('a')!.resolve({ rows: [queueRow(), queueRow({ id: ID_B })], offset: 0, total: 2, asOf: '2025-03-12T09:00:00.000Z' });
    await typedA;
    expect(store.getState().window).toMatchObject({ total: 1, filter: { search: ' ab ' } });

    const sorted = store.getState().setSorting([{ id: 'topic', desc: true }]);
    expect(api.calls.at(-1)?.input).toMatchObject({ filter: { kind: 'callback', search: 'ab' }, sort: { column: 'topic', desc: true }, offset: 0 });
    answers.get('ab')!.resolve({ rows: [], offset: 0, total: 0, asOf: '2025-03-12T09:00:00.000Z' });
    await sorted;
  });

  it('shows no error for a search the user has typed past', async () => {
    const first = deferred<QueueWindow>();
    const { store } = setup({
      'queue.window': ({ filter }) =>
        filter.search === 'a' ? first.promise : { rows: [queueRow()], offset: 0, total: 1, asOf: '2025-03-12T09:00:00.000Z' },
    });
    const typedA = store.getState().setFilter({ ...NO_FILTER, search: 'a' });
    await store.getState().setFilter({ ...NO_FILTER, search: 'ab' });
    first.reject(deskError('internal', 'Datenbank gesperrt'));
    await typedA;
    expect(store.getState()).toMatchObject({ listError: null, window: { total: 1, filter: { search: 'ab' } } });
  });

  it('fetches the rows scrolled to unless it holds them or is already fetching them', async () => {
    const rows = Array.from({ length: 1_000 }, (_, i) => queueRow({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
    const { api, store } = setup(queueHandlers(() => rows));
    await store.getState().load();
    const windows = () => api.calls.filter((c) => c.channel === 'queue.window' && !(c.input as { filter: { quick?: string } }).filter.quick);
    expect(windows()).toHaveLength(1);
    await store.getState().showRange(10, 40);
    expect(windows()).toHaveLength(1);
    const far = store.getState().showRange(600, 630);
    const again = store.getState().showRange(601, 631);
    await Promise.all([far, again]);
    expect(windows().map((c) => c.input)).toMatchObject([{ offset: 0 }, { offset: 500, limit: 231 }]);
    expect(store.getState().window.offset).toBe(500);
    expect(store.getState().window.rows[100]?.id).toBe(rows[600]!.id);
  });

  it('selects a row by position, fetching it first when it is outside the window (j/k)', async () => {
    const rows = Array.from({ length: 1_000 }, (_, i) => queueRow({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
    const { store } = setup({ ...queueHandlers(() => rows), 'request.detail': ({ requestId }) => requestDetail(queueRow({ id: requestId })) });
    await store.getState().load();
    await store.getState().selectAt(3);
    expect(store.getState().selectedId).toBe(rows[3]!.id);
    await store.getState().selectAt(999);
    expect(store.getState().selectedId).toBe(rows[999]!.id);
    expect(store.getState().detail?.row.id).toBe(rows[999]!.id);
  });

  it('keeps the rows it has when a refresh fails', async () => {
    let fail = false;
    const { store } = setup(
      queueHandlers(() => {
        if (fail) throw deskError('internal', 'Datenbank gesperrt');
        return [queueRow()];
      }),
    );
    await store.getState().load();
    fail = true;
    await store.getState().load();
    expect(store.getState()).toMatchObject({ listStatus: 'error', listError: 'Datenbank gesperrt' });
    expect(store.getState().window.rows).toHaveLength(1);
  });

  it('coalesces refreshes that arrive during a fetch into one more fetch', async () => {
    const first = deferred<QueueCounts>();
    let calls = 0;
    let attempts = 0;
    const rows = queueHandlers(() => [queueRow({ attempts })]);
    const { store } = setup({ ...rows, 'queue.counts': () => (++calls === 1 ? first.promise : rows['queue.counts']!({})) });
    const a = store.getState().load();
    const b = store.getState().load();
    const c = store.getState().load();
    attempts = 2;
    first.resolve(await rows['queue.counts']!({}));
    await Promise.all([a, b, c]);
    expect(calls).toBe(2);
    expect(store.getState().window.rows[0]?.attempts).toBe(2);
  });

  it('claims, shows personal data, closes, and drops it', async () => {
    const { store, announce, onActionDone } = setup(backend());
    await store.getState().load();
    await store.getState().select(ID_A);
    expect(store.getState().detail?.personal).toBeNull();

    await store.getState().claim();
    expect(announce).toHaveBeenLastCalledWith('Rückruf übernommen.', 'success');
    expect(store.getState().detail?.row.status).toBe('claimed');
    expect(store.getState().detail?.personal?.name).toBe('Erika Mustermann');

    await store.getState().close('resolved');
    expect(announce).toHaveBeenLastCalledWith('Rückruf abgeschlossen.', 'success');
    expect(onActionDone).toHaveBeenCalledTimes(2);
    expect(store.getState().window.rows[0]).toMatchObject({ status: 'closed', outcome: 'resolved' });
    expect(store.getState().detail?.personal).toBeNull();
    expect(store.getState().pendingAction).toBeNull();
  });

  it('reports a claim queued offline as pending', async () => {
    const { store, announce } = setup({
      ...queueHandlers(() => [queueRow({ status: 'claim_pending' })]),
      'request.detail': () => requestDetail(queueRow({ status: 'claim_pending' })),
      'request.claim': () => ({ delivery: 'pending', message: null }),
    });
    await store.getState().select(ID_A);
    await store.getState().claim();
    expect(announce).toHaveBeenLastCalledWith(expect.stringMatching(/^Übernahme ausstehend/), 'info');
    expect(store.getState().detail?.row.status).toBe('claim_pending');
  });

  it('announces a failed action and keeps the selection', async () => {
    const { store, announce } = setup({
      ...backend(),
      'request.release': () => {
        throw deskError('conflict', 'Bereits von einem anderen Arbeitsplatz übernommen');
      },
    });
    await store.getState().select(ID_A);
    await store.getState().release();
    expect(announce).toHaveBeenLastCalledWith('Bereits von einem anderen Arbeitsplatz übernommen', 'error');
    expect(store.getState().selectedId).toBe(ID_A);
  });

  it('drops the previous detail at once when the selection changes', async () => {
    const detailB = deferred<ReturnType<typeof requestDetail>>();
    const { store } = setup({
      'request.detail': ({ requestId }) =>
        requestId === ID_A ? requestDetail(queueRow({ status: 'claimed' }), PERSONAL) : detailB.promise,
    });
    await store.getState().select(ID_A);
    expect(store.getState().detail?.personal).not.toBeNull();
    const pending = store.getState().select(ID_B);
    expect(store.getState()).toMatchObject({ selectedId: ID_B, detail: null, detailStatus: 'loading' });
    detailB.resolve(requestDetail(queueRow({ id: ID_B })));
    await pending;
    expect(store.getState().detail?.row.id).toBe(ID_B);
  });

  it('ignores a detail that arrives after the user moved on', async () => {
    const slow = deferred<ReturnType<typeof requestDetail>>();
    const { store } = setup({
      'request.detail': ({ requestId }) => (requestId === ID_A ? slow.promise : requestDetail(queueRow({ id: ID_B }))),
    });
    const first = store.getState().select(ID_A);
    await store.getState().select(ID_B);
    slow.resolve(requestDetail(queueRow({ status: 'claimed' }), PERSONAL));
    await first;
    expect(store.getState().detail?.row.id).toBe(ID_B);
  });

  it('keeps the selection across refreshes and refetches its detail', async () => {
    let attempts = 0;
    const { store } = setup({
      ...queueHandlers(() => [queueRow({ attempts }), queueRow({ id: ID_B })]),
      'request.detail': () => requestDetail(queueRow({ attempts })),
    });
    await store.getState().load();
    await store.getState().select(ID_A);
    attempts = 1;
    await store.getState().load();
    expect(store.getState().selectedId).toBe(ID_A);
    expect(store.getState().detail?.row.attempts).toBe(1);
  });

  it('reports a lost session and forgets everything on reset', async () => {
    const { store, onAuthLost } = setup({
      ...queueHandlers(() => [queueRow()]),
      'request.detail': () => requestDetail(queueRow({ status: 'claimed' }), PERSONAL),
      'request.claim': () => {
        throw deskError('session_expired', 'Sitzung abgelaufen');
      },
    });
    await store.getState().load();
    await store.getState().select(ID_A);
    await store.getState().claim();
    expect(onAuthLost).toHaveBeenCalledWith('Sitzung abgelaufen');
    store.getState().reset();
    expect(store.getState()).toMatchObject({ window: { rows: [], total: 0 }, counts: null, mine: [], filter: NO_FILTER, selectedId: null, detail: null, listStatus: 'idle', listLoaded: false });
  });

  it('discards answers to calls started before a reset', async () => {
    const counts = deferred<QueueCounts>();
    const rows = queueHandlers(() => [queueRow()]);
    const { store } = setup({ ...rows, 'queue.counts': () => counts.promise });
    const loading = store.getState().load();
    store.getState().reset();
    counts.resolve(await rows['queue.counts']!({}));
    await loading;
    await flush();
    expect(store.getState()).toMatchObject({ window: { rows: [] }, counts: null, mine: [], listLoaded: false });
  });

  it('forwards and closes a contact request with retention, and renews a lease quietly', async () => {
    const contact = queueRow({ kind: 'contact', status: 'claimed', owner: { displayName: 'Anna Albers', mine: true }, dueFrom: null, dueUntil: null });
    const ok = { delivery: 'sent' as const, message: null };
    const { api, store, announce } = setup({
      ...queueHandlers(() => [contact]),
      'request.detail': () => requestDetail(contact),
      'request.forward': () => ok,
      'request.close': () => ok,
      'request.claim': () => ok,
    });
    await store.getState().select(ID_A);
    await store.getState().forward('grid');
    expect(announce).toHaveBeenLastCalledWith('An die Fachabteilung weitergeleitet.', 'success');
    announce.mockClear();
    await store.getState().renewLease();
    expect(announce).not.toHaveBeenCalled();
    const retention = { reason: 'proof' as const, until: '2027-01-31', note: 'Beschwerdeverfahren' };
    await store.getState().close('resolved', retention);
    expect(announce).toHaveBeenLastCalledWith('Vorgang abgeschlossen. Er wird bis 31.01.2027 beim Backend aufbewahrt; hier sind die Daten gelöscht.', 'success');
    expect(api.calls.filter((c) => !['queue.window', 'queue.counts', 'request.detail'].includes(c.channel))).toEqual([
      { channel: 'request.forward', input: { requestId: ID_A, department: 'grid' } },
      { channel: 'request.claim', input: { requestId: ID_A } },
      { channel: 'request.close', input: { requestId: ID_A, outcome: 'resolved', retention } },
    ]);
  });
});
