// One way for the screen stores to call the host: the busy flag is set, a failure becomes a
// German message in `error` (and, where the store wants it, an announcement), a lost session is
// reported, and nothing is ever thrown at a click handler.
import { isAuthFailure, toDeskFailure } from '../services/desk-error';

interface CallState {
  busy: boolean;
  error: string | null;
}

export interface GuardedCallDeps {
  onAuthLost: (message: string) => void;
  /** Also announce failures in the live region (stores whose errors are not shown inline). */
  announceError?: (message: string) => void;
}

/** `background`: a refresh that must not disable the buttons under the user's pointer. */
export function guardedCall<S extends CallState>(set: (partial: Partial<S>) => void, deps: GuardedCallDeps) {
  return async <T>(work: () => Promise<T>, background = false): Promise<T | undefined> => {
    if (!background) set({ busy: true, error: null } as Partial<S>);
    try {
      return await work();
    } catch (error) {
      const failure = toDeskFailure(error);
      if (isAuthFailure(failure)) deps.onAuthLost(failure.message);
      set({ error: failure.message } as Partial<S>);
      deps.announceError?.(failure.message);
      return undefined;
    } finally {
      if (!background) set({ busy: false } as Partial<S>);
    }
  };
}
