import { describe, expect, it, vi } from 'vitest';
import { createDeskService } from '../../services/desk';
import { createFakeDeskApi } from '../../testing/fake-desk-api';
import { createOfficerCasesStore } from './officer-cases-store';

/** An officer.cases answer that arrives only when the test lets it. */
function heldCasesAnswer() {
  let answer: () => void = () => undefined;
  const api = createFakeDeskApi({
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
});
