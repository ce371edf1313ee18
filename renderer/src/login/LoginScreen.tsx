// Sign-in against a backend. The host validates the input and answers in German; we show that.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { DemoUser } from '../../../shared/views';
import { roleList } from '../format/labels';
import { useSession } from '../store/StoresContext';

export function LoginScreen() {
  const config = useSession((s) => s.config);
  const busy = useSession((s) => s.busy);
  const error = useSession((s) => s.error);
  const login = useSession((s) => s.login);

  const [backendUrl, setBackendUrl] = useState(config?.defaultBackendUrl ?? '');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const firstField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    firstField.current?.focus();
  }, []);

  const [missing, setMissing] = useState<string | null>(null);
  const submit = (credentials: { username: string; password: string }) =>
    void login({ backendUrl: backendUrl.trim(), username: credentials.username, password: credentials.password });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Say in plain German what is missing, before the host answers with a field key.
    const empty = !backendUrl.trim() ? 'die Backend-Adresse' : !username.trim() ? 'den Benutzernamen' : !password ? 'das Passwort' : null;
    setMissing(empty ? `Bitte ${empty} eingeben.` : null);
    if (empty) return;
    submit({ username, password });
  };

  const signInAs = (user: DemoUser) => {
    setUsername(user.username);
    setPassword(user.password);
    submit(user);
  };

  const demoUsers = config?.demoUsers ?? [];
  const shownError = missing ?? error;
  const errorProps = shownError ? { 'aria-describedby': 'login-error' } : {};

  return (
    <main className="login">
      <form className="login-card" onSubmit={onSubmit} noValidate aria-labelledby="login-heading" aria-busy={busy}>
        <p className="brand">Servicecenter Desk</p>
        <h1 id="login-heading">Anmeldung</h1>

        <div className="field">
          <label htmlFor="login-backend">Backend-Adresse</label>
          <input
            id="login-backend"
            ref={firstField}
            type="url"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            aria-required="true"
            value={backendUrl}
            onChange={(e) => setBackendUrl(e.target.value)}
            {...errorProps}
          />
        </div>
        <div className="field">
          <label htmlFor="login-username">Benutzername</label>
          <input
            id="login-username"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            aria-required="true"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            {...errorProps}
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">Passwort</label>
          <input
            id="login-password"
            type="password"
            autoComplete="current-password"
            aria-required="true"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            {...errorProps}
          />
        </div>

        {shownError && (
          <p id="login-error" className="banner banner-error" role="alert" data-testid="login-error">
            {shownError}
          </p>
        )}

        <button type="submit" className="button-primary button-wide" disabled={busy}>
          Anmelden
        </button>
        {busy && (
          <p className="muted" role="status">
            Anmeldung läuft …
          </p>
        )}
      </form>

      {demoUsers.length > 0 && (
        <section className="login-card demo" aria-labelledby="demo-heading">
          <h2 id="demo-heading">Demo-Zugänge</h2>
          <p className="muted">Ein Klick meldet mit diesem Zugang an.</p>
          <ul className="demo-list">
            {demoUsers.map((user) => (
              <li key={user.username}>
                <button type="button" className="button-secondary button-wide" disabled={busy} onClick={() => signInAs(user)}>
                  {user.displayName} – {roleList(user.roles)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
