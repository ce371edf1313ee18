import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPendingCloseStore, UNDO_SECONDS } from './pending-close-store';

describe('pending close (undo before the data is purged)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the close only when the undo time is up', async () => {
    const announce = vi.fn();
    const store = createPendingCloseStore(announce);
    const send = vi.fn(async () => undefined);
    store.getState().schedule('r1', 'Rückruf wird abgeschlossen', send);
    expect(store.getState().pending?.requestId).toBe('r1');
    await vi.advanceTimersByTimeAsync(UNDO_SECONDS * 1000 - 1);
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledOnce();
    expect(store.getState().pending).toBeNull();
  });

  it('undo drops the close: nothing is ever sent', async () => {
    const announce = vi.fn();
    const store = createPendingCloseStore(announce);
    const send = vi.fn(async () => undefined);
    store.getState().schedule('r1', 'x', send);
    store.getState().undo();
    await vi.advanceTimersByTimeAsync(UNDO_SECONDS * 2000);
    expect(send).not.toHaveBeenCalled();
    expect(announce).toHaveBeenCalledWith(expect.stringContaining('rückgängig'));
  });

  it('a second close sends the first at once; flush sends the waiting one', async () => {
    const store = createPendingCloseStore(vi.fn());
    const first = vi.fn(async () => undefined);
    const second = vi.fn(async () => undefined);
    store.getState().schedule('r1', 'a', first);
    store.getState().schedule('r2', 'b', second);
    expect(first).toHaveBeenCalledOnce();
    expect(store.getState().pending?.requestId).toBe('r2');
    await store.getState().flush();
    expect(second).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(UNDO_SECONDS * 1000);
    expect(second).toHaveBeenCalledOnce();
  });
});
