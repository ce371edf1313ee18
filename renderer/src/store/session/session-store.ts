// Who is signed in, and the host's configuration for the login screen.
import { createStore } from 'zustand/vanilla';
import type { AppConfig, SessionInfo } from '../../../../shared/views';
import type { DeskService, LoginInput } from '../../services/desk';
import { toDeskFailure } from '../../services/desk-error';

export type SessionPhase = 'starting' | 'signed_out' | 'signed_in';

export interface SessionState {
  phase: SessionPhase;
  session: SessionInfo | null;
  config: AppConfig | null;
  /** A login or logout is in flight. */
  busy: boolean;
  /** German message for the login screen (failed login, expired session). */
  error: string | null;
  init: () => Promise<void>;
  login: (input: LoginInput) => Promise<boolean>;
  logout: () => Promise<void>;
  /** Re-reads the session after a host event; signs out locally if it is gone. */
  refresh: () => Promise<void>;
  /** A call failed because the session is gone: back to the login screen with the reason. */
  sessionLost: (message: string) => void;
}

export type SessionStore = ReturnType<typeof createSessionStore>;

const FALLBACK_CONFIG: AppConfig = { defaultBackendUrl: '', demoUsers: [], host: 'web' };

export function createSessionStore(service: DeskService) {
  return createStore<SessionState>()((set, get) => ({
    phase: 'starting',
    session: null,
    config: null,
    busy: false,
    error: null,

    init: async () => {
      const [config, session] = await Promise.allSettled([service.appConfig(), service.currentSession()]);
      const error =
        config.status === 'rejected'
          ? toDeskFailure(config.reason).message
          : session.status === 'rejected'
            ? toDeskFailure(session.reason).message
            : null;
      const current = session.status === 'fulfilled' ? session.value : null;
      set({
        config: config.status === 'fulfilled' ? config.value : FALLBACK_CONFIG,
        session: current,
        phase: current ? 'signed_in' : 'signed_out',
        error,
      });
    },

    login: async (input) => {
      if (get().busy) return false;
      set({ busy: true, error: null });
      try {
        const session = await service.login(input);
        set({ session, phase: 'signed_in', busy: false, error: null });
        return true;
      } catch (error) {
        set({ busy: false, error: toDeskFailure(error).message });
        return false;
      }
    },

    logout: async () => {
      set({ busy: true });
      try {
        await service.logout();
        set({ session: null, phase: 'signed_out', busy: false, error: null });
      } catch (error) {
        // The local session is dropped either way: staying "signed in" after the user asked
        // to leave would be worse than a host that could not confirm it.
        set({ session: null, phase: 'signed_out', busy: false, error: toDeskFailure(error).message });
      }
    },

    refresh: async () => {
      try {
        const session = await service.currentSession();
        if (session) set({ session, phase: 'signed_in' });
        else if (get().phase === 'signed_in') get().sessionLost('Die Sitzung wurde beendet. Bitte erneut anmelden.');
      } catch {
        // Keep the screen as it is; the next call reports the failure where it matters.
      }
    },

    sessionLost: (message) => {
      if (get().phase !== 'signed_in') return;
      set({ session: null, phase: 'signed_out', busy: false, error: message });
    },
  }));
}
