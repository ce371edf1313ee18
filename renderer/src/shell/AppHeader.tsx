// Who is signed in, how synchronisation stands, and the way out.
import { roleList } from '../format/labels';
import { useSession, useSync } from '../store/StoresContext';
import { SyncStatus } from './SyncStatus';

export function AppHeader() {
  const user = useSession((s) => s.session?.user);
  const busy = useSession((s) => s.busy);
  const logout = useSession((s) => s.logout);
  const syncing = useSync((s) => s.syncing);
  const syncNow = useSync((s) => s.syncNow);

  return (
    <header className="app-header">
      <p className="brand">Servicecenter Desk</p>
      {user && (
        <p className="user" data-testid="current-user">
          <span className="user-name">{user.displayName}</span>
          <span className="user-roles">{roleList(user.roles)}</span>
        </p>
      )}
      <SyncStatus />
      <div className="header-actions">
        <button type="button" className="button-secondary" disabled={syncing} aria-busy={syncing} onClick={() => void syncNow()}>
          Jetzt synchronisieren
        </button>
        <button type="button" className="button-secondary" disabled={busy} onClick={() => void logout()}>
          Abmelden
        </button>
      </div>
    </header>
  );
}
