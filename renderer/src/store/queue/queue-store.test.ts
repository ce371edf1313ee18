import { describe, expect, it, vi } from 'vitest';
import type { QueueRow } from '../../../../shared/views';
import { createDeskService } from '../../services/desk';
import {
  createFakeDeskApi,
  deferred,
  deskError,
  flush,
  ID_A,
  ID_B,
  queueRow,
  requestDetail,
  type Handlers,
} from '../../testing/fake-desk-api';
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
    'queue.list': () => [row],
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
  it('loads the whole queue first, then only what changed', async () => {
    const asOf = '2025-03-12T09:00:00.000Z';
    const { api, store } = setup({
      'queue.changes': ({ since }) =>
        since === null
          ? { rows: [queueRow(), queueRow({ id: ID_B })], total: 2, asOf, full: true }
          : { rows: [queueRow({ attempts: 1 })], total: 2, asOf: '2025-03-12T09:01:00.000Z', full: false },
    });
    await store.getState().load();
    expect(store.getState()).toMatchObject({ listStatus: 'ready', listLoaded: true, listError: null });
    expect(store.getState().rows).toHaveLength(2);
    await store.getState().load();
    expect(store.getState().rows.map((r) => [r.id, r.attempts])).toEqual([
      [ID_A, 1],
      [ID_B, 0],
    ]);
    expect(api.calls.map((c) => c.input)).toEqual([{ since: null }, { since: asOf, ids: [ID_A, ID_B] }]);
  });

  it('keeps the rows it has when a refresh fails', async () => {
    let fail = false;
    const { store } = setup({
      'queue.list': () => {
        if (fail) throw deskError('internal', 'Datenbank gesperrt');
        return [queueRow()];
      },
    });
    await store.getState().load();
    fail = true;
    await store.getState().load();
    expect(store.getState()).toMatchObject({ listStatus: 'error', listError: 'Datenbank gesperrt' });
    expect(store.getState().rows).toHaveLength(1);
  });

  it('coalesces refreshes that arrive during a fetch into one more fetch', async () => {
    const first = deferred<QueueRow[]>();
    let calls = 0;
    const { store } = setup({ 'queue.list': () => (++calls === 1 ? first.promise : [queueRow({ attempts: 2 })]) });
    const a = store.getState().load();
    const b = store.getState().load();
    const c = store.getState().load();
    first.resolve([queueRow()]);
    await Promise.all([a, b, c]);
    expect(calls).toBe(2);
    expect(store.getState().rows[0]?.attempts).toBe(2);
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
    expect(store.getState().rows[0]).toMatchObject({ status: 'closed', outcome: 'resolved' });
    expect(store.getState().detail?.personal).toBeNull();
    expect(store.getState().pendingAction).toBeNull();
  });

  it('reports a claim queued offline as pending', async () => {
    const { store, announce } = setup({
      'queue.list': () => [queueRow({ status: 'claim_pending' })],
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
      'queue.list': () => [queueRow({ attempts }), queueRow({ id: ID_B })],
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
      'queue.list': () => [queueRow()],
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
    expect(store.getState()).toMatchObject({ rows: [], selectedId: null, detail: null, listStatus: 'idle', listLoaded: false });
  });

  it('discards answers to calls started before a reset', async () => {
    const list = deferred<QueueRow[]>();
    const { store } = setup({ 'queue.list': () => list.promise });
    const loading = store.getState().load();
    store.getState().reset();
    list.resolve([queueRow()]);
    await loading;
    await flush();
    expect(store.getState().rows).toEqual([]);
  });

  it('forwards and closes a contact request with retention, and renews a lease quietly', async () => {
    const contact = queueRow({ kind: 'contact', status: 'claimed', owner: { displayName: 'Anna Albers', mine: true }, dueFrom: null, dueUntil: null });
    const ok = { delivery: 'sent' as const, message: null };
    const { api, store, announce } = setup({
      'queue.list': () => [contact],
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
    expect(announce).toHaveBeenLastCalledWith('Vorgang abgeschlossen. Die Daten werden bis 31.01.2027 aufbewahrt.', 'success');
    expect(api.calls.filter((c) => !['queue.list', 'queue.changes', 'request.detail'].includes(c.channel))).toEqual([
      { channel: 'request.forward', input: { requestId: ID_A, department: 'grid' } },
      { channel: 'request.claim', input: { requestId: ID_A } },
      { channel: 'request.close', input: { requestId: ID_A, outcome: 'resolved', retention } },
    ]);
  });
});
