import { describe, expect, it } from 'vitest';
import { createDeskService } from '../../services/desk';
import { createFakeDeskApi, deferred, deskError, SESSION } from '../../testing/fake-desk-api';
import { createSessionStore } from './session-store';

const CONFIG = { defaultBackendUrl: 'http://127.0.0.1:4010', demoUsers: [], host: 'web' as const };

describe('session store', () => {
  it('starts signed out with the host config when nobody is logged in', async () => {
    const api = createFakeDeskApi({ 'app.config': () => CONFIG, 'session.current': () => null });
    const store = createSessionStore(createDeskService(api));
    expect(store.getState().phase).toBe('starting');
    await store.getState().init();
    expect(store.getState()).toMatchObject({ phase: 'signed_out', config: CONFIG, session: null, error: null });
  });

  it('resumes a running session', async () => {
    const api = createFakeDeskApi({ 'app.config': () => CONFIG, 'session.current': () => SESSION });
    const store = createSessionStore(createDeskService(api));
    await store.getState().init();
    expect(store.getState()).toMatchObject({ phase: 'signed_in', session: SESSION });
  });

  it('shows the login screen with a message when the host cannot answer', async () => {
    const api = createFakeDeskApi({
      'app.config': () => {
        throw new TypeError('fetch failed');
      },
      'session.current': () => null,
    });
    const store = createSessionStore(createDeskService(api));
    await store.getState().init();
    expect(store.getState().phase).toBe('signed_out');
    expect(store.getState().config?.demoUsers).toEqual([]);
    expect(store.getState().error).toMatch(/Interner Fehler/);
  });

  it('logs in, busy meanwhile', async () => {
    const answer = deferred<typeof SESSION>();
    const api = createFakeDeskApi({ 'session.login': () => answer.promise });
    const store = createSessionStore(createDeskService(api));
    const input = { backendUrl: 'http://127.0.0.1:4010', username: 'anna', password: 'geheim' };
    const done = store.getState().login(input);
    expect(store.getState().busy).toBe(true);
    // A second submit while busy is ignored.
    await expect(store.getState().login(input)).resolves.toBe(false);
    answer.resolve(SESSION);
    await expect(done).resolves.toBe(true);
    expect(store.getState()).toMatchObject({ phase: 'signed_in', busy: false, error: null });
    expect(api.calls.filter((c) => c.channel === 'session.login')).toHaveLength(1);
  });

  it('shows the German reason of a failed login', async () => {
    const api = createFakeDeskApi({
      'session.login': () => {
        throw deskError('invalid_credentials', 'Benutzername oder Passwort falsch');
      },
    });
    const store = createSessionStore(createDeskService(api));
    await store.getState().login({ backendUrl: 'http://x', username: 'a', password: 'b' });
    expect(store.getState()).toMatchObject({ phase: 'starting', busy: false, error: 'Benutzername oder Passwort falsch' });
  });

  it('signs out locally even when the host fails to confirm', async () => {
    const api = createFakeDeskApi({
      'session.current': () => SESSION,
      'session.logout': () => {
        throw deskError('backend_unreachable', 'Backend nicht erreichbar');
      },
    });
    const store = createSessionStore(createDeskService(api));
    await store.getState().refresh();
    expect(store.getState().phase).toBe('signed_in');
    await store.getState().logout();
    expect(store.getState()).toMatchObject({ phase: 'signed_out', session: null });
  });

  it('returns to the login screen when the session is gone', async () => {
    let current: typeof SESSION | null = SESSION;
    const api = createFakeDeskApi({ 'session.current': () => current });
    const store = createSessionStore(createDeskService(api));
    await store.getState().refresh();
    current = null;
    await store.getState().refresh();
    expect(store.getState()).toMatchObject({ phase: 'signed_out', session: null });
    expect(store.getState().error).toMatch(/erneut anmelden/);
  });
});
