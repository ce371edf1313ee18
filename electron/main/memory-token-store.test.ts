import { describe, expect, it } from 'vitest';
import { createMemoryTokenStore } from './memory-token-store';

describe('createMemoryTokenStore', () => {
  it('keeps the token for this run only', () => {
    const store = createMemoryTokenStore();
    expect(store.load()).toBeNull();
    store.save('token-1');
    expect(store.load()).toBe('token-1');
    store.clear();
    expect(store.load()).toBeNull();
    expect(createMemoryTokenStore().load()).toBeNull();
  });
});
