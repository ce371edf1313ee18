import { describe, expect, it, vi } from 'vitest';
import { createDeskService } from '../../services/desk';
import { createFakeDeskApi } from '../../testing/fake-desk-api';
import { createSmsDeskStore } from './sms-desk-store';

/** disclosure.detail answers only when the test lets it, per disclosure. */
function heldDetails() {
  const answers = new Map<string, () => void>();
  const api = createFakeDeskApi({
    'disclosure.list': () => [],
    'disclosure.detail': ({ disclosureId }) =>
      new Promise((resolve) => answers.set(disclosureId, () => resolve({ entry: { id: disclosureId } } as never))),
  });
  const store = createSmsDeskStore({ service: createDeskService(api), announce: vi.fn(), onAuthLost: vi.fn() });
  const answer = (id: string) => answers.get(id)!();
  /** Opens a disclosure and lets it answer: the panel shows it. */
  const opened = async (id: string) => {
    const opening = store.getState().openDisclosure(id);
    answer(id);
    await opening;
  };
  return { store, answer, opened };
}

describe('SMS desk store (disclosure register)', () => {
  it('keeps the disclosure the officer opens while a refresh of the one open before is on its way', async () => {
    // A sync refreshes the open disclosure; its answer, arriving after she opened another one,
    // must not put the earlier one back in the panel.
    const { store, answer, opened } = heldDetails();
    await opened('d-1');
    const refreshing = store.getState().refresh();
    await opened('d-2');
    answer('d-1');
    await refreshing;
    expect(store.getState().detail?.entry.id).toBe('d-2');
  });

  it('shows the disclosure chosen last when an earlier choice answers after it', async () => {
    const { store, answer } = heldDetails();
    const first = store.getState().openDisclosure('d-1');
    const second = store.getState().openDisclosure('d-2');
    answer('d-2');
    await second;
    answer('d-1');
    await first;
    expect(store.getState().detail?.entry.id).toBe('d-2');
  });

  it('closes the panel for good when the officer closes it during a refresh', async () => {
    const { store, answer, opened } = heldDetails();
    await opened('d-1');
    const refreshing = store.getState().refresh();
    await store.getState().openDisclosure(null);
    answer('d-1');
    await refreshing;
    expect(store.getState().detail).toBeNull();
  });
});
