// The fallback when safeStorage cannot encrypt: the token lives only as long as the process, so
// staff log in again after each start, and nothing readable is ever written to disk.
import type { TokenStore } from '../core/host';

export function createMemoryTokenStore(): TokenStore {
  let token: string | null = null;
  return {
    load: () => token,
    save: (next) => {
      token = next;
    },
    clear: () => {
      token = null;
    },
  };
}
