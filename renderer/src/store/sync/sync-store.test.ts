import { describe, expect, it, vi } from 'vitest';
import type { SyncReport, SyncState } from '../../../../shared/views';
import { createDeskService } from '../../services/desk';
import { createFakeDeskApi, deferred, deskError, syncState, type Handlers } from '../../testing/fake-desk-api';
import { createSyncStore } from './sync-store';
import { syncReportNotice } from './sync-report';

const REPORT: SyncReport = {
  pulled: 5,
  applied: 4,
  skipped: 1,
  quarantined: 0,
  pushed: 2,
  rejected: 0,
  receiptsSent: 1,
  purged: 1,
  offline: null,
};

function setup(handlers: Handlers) {
  const api = createFakeDeskApi(handlers);
  const announce = vi.fn();
  const onAuthLost = vi.fn();
  const onSynced = vi.fn();
  const store = createSyncStore({ service: createDeskService(api), announce, onAuthLost, onSynced });
  return { api, store, announce, onAuthLost, onSynced };
}

describe('sync store', () => {
  it('reads the sync state', async () => {
    const { store } = setup({ 'sync.state': () => syncState() });
    await store.getState().refresh();
    expect(store.getState().state?.lastSyncAt).toBe('2025-03-12T09:30:00Z');
  });

  it('does not let a late answer overwrite a newer one', async () => {
    const old = deferred<SyncState>();
    let n = 0;
    const { store } = setup({ 'sync.state': () => (++n === 1 ? old.promise : syncState({ lastError: null })) });
    const first = store.getState().refresh();
    await store.getState().refresh();
    old.resolve(syncState({ lastError: 'alt' }));
    await first;
    expect(store.getState().state?.lastError).toBeNull();
  });

  it('syncs now, announces the report, and refreshes', async () => {
    const { store, announce, onSynced, api } = setup({ 'sync.now': () => REPORT, 'sync.state': () => syncState() });
    await store.getState().syncNow();
    expect(announce).toHaveBeenCalledWith(
      'Synchronisiert: 4 Änderungen übernommen, 2 Aktionen gesendet, 1 Datensatz gelöscht.',
      'success',
    );
    expect(onSynced).toHaveBeenCalled();
    expect(store.getState()).toMatchObject({ syncing: false, lastReport: REPORT });
    expect(api.calls.map((c) => c.channel)).toEqual(['sync.now', 'sync.state']);
  });

  it('announces the offline message as an error', async () => {
    const { store, announce } = setup({
      'sync.now': () => ({ ...REPORT, offline: 'Backend nicht erreichbar; Aktionen bleiben im Ausgang.' }),
      'sync.state': () => syncState(),
    });
    await store.getState().syncNow();
    expect(announce).toHaveBeenCalledWith('Backend nicht erreichbar; Aktionen bleiben im Ausgang.', 'error');
  });

  it('reports a lost session', async () => {
    const { store, onAuthLost, announce } = setup({
      'sync.now': () => {
        throw deskError('not_logged_in', 'Nicht angemeldet');
      },
      'sync.state': () => {
        throw deskError('not_logged_in', 'Nicht angemeldet');
      },
    });
    await store.getState().syncNow();
    expect(onAuthLost).toHaveBeenCalledWith('Nicht angemeldet');
    expect(announce).toHaveBeenCalledWith('Nicht angemeldet', 'error');
  });
});

describe('syncReportNotice', () => {
  it('mentions problems and flags them', () => {
    expect(syncReportNotice({ ...REPORT, purged: 0, rejected: 1, quarantined: 2 })).toEqual({
      text: 'Synchronisiert: 4 Änderungen übernommen, 2 Aktionen gesendet, 1 Aktion abgelehnt, 2 Ereignisse zurückgestellt.',
      tone: 'error',
    });
  });
});
