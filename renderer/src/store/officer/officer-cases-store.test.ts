import { describe, expect, it, vi } from 'vitest';
import { createDeskService } from '../../services/desk';
import { createFakeDeskApi, deskError, type Handlers } from '../../testing/fake-desk-api';
import { createOfficerCasesStore } from './officer-cases-store';

/** An officer.cases answer that arrives only when the test lets it (other channels by `handlers`). */
function heldCasesAnswer(handlers: Handlers = {}) {
  let answer: () => void = () => undefined;
  const api = createFakeDeskApi({
    ...handlers,
    'officer.cases': () =>
      new Promise((resolve) => {
        answer = () => resolve([]);
      }),
  });
  const store = createOfficerCasesStore({ service: createDeskService(api), announce: vi.fn(), onAuthLost: vi.fn() });
  return { store, answer: () => answer() };
}

describe('officer cases store', () => {
  it('marks the screen busy for a load the officer asked for', async () => {
    const { store, answer } = heldCasesAnswer();
    const loading = store.getState().load();
    expect(store.getState().busy).toBe(true);
    answer();
    await loading;
    expect(store.getState()).toMatchObject({ busy: false, loaded: true });
  });

  it('refetches after feed news without disabling the case actions meanwhile', async () => {
    // A refresh arrives every second while a desk syncs; a busy flag here disabled "Abschließen"
    // for a moment, and a click in that moment was lost without a word.
    const { store, answer } = heldCasesAnswer();
    const refreshing = store.getState().refresh();
    expect(store.getState().busy).toBe(false);
    answer();
    await refreshing;
    expect(store.getState()).toMatchObject({ busy: false, loaded: true });
  });

  it('keeps the case the officer opens while a refresh fetched before her click is on its way', async () => {
    // Seen in the two-workstation test under load: a sync's refresh, started with no case open,
    // answered after the officer's click and closed the case she had just opened.
    const { store, answer } = heldCasesAnswer({ 'officer.case': ({ requestId }) => ({ detail: { row: { id: requestId } } }) as never });
    const refreshing = store.getState().refresh();
    await store.getState().select('case-1');
    expect(store.getState().open?.detail.row.id).toBe('case-1');
    answer();
    await refreshing;
    expect(store.getState()).toMatchObject({ loaded: true, open: { detail: { row: { id: 'case-1' } } } });
  });

  it('shows the case chosen last when an earlier choice answers after it', async () => {
    const answers = new Map<string, () => void>();
    const api = createFakeDeskApi({
      'officer.case': ({ requestId }) =>
        new Promise((resolve) => answers.set(requestId, () => resolve({ detail: { row: { id: requestId } } } as never))),
    });
    const store = createOfficerCasesStore({ service: createDeskService(api), announce: vi.fn(), onAuthLost: vi.fn() });
    const first = store.getState().select('case-1');
    const second = store.getState().select('case-2');
    answers.get('case-2')!();
    await second;
    answers.get('case-1')!();
    await first;
    expect(store.getState().open?.detail.row.id).toBe('case-2');
  });

  it('does not ask for a case again at every refresh when it could not be opened', async () => {
    const api = createFakeDeskApi({
      'officer.cases': () => [],
      'officer.case': () => Promise.reject(deskError('not_found', 'Fall nicht gefunden.')),
    });
    const store = createOfficerCasesStore({ service: createDeskService(api), announce: vi.fn(), onAuthLost: vi.fn() });
    await store.getState().select('case-gone');
    expect(store.getState().error).toBe('Fall nicht gefunden.');
    await store.getState().refresh();
    expect(api.calls.filter((c) => c.channel === 'officer.case')).toHaveLength(1);
    expect(store.getState()).toMatchObject({ loaded: true, open: null });
  });
});
