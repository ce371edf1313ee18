// Who is signed in, how synchronisation stands, and the way out.
import { useState } from 'react';
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
        <NotificationPermission />
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

/** Offers desktop notifications (window of a held callback opens) where the browser asks first. */
function NotificationPermission() {
  const [permission, setPermission] = useState(() => (typeof Notification === 'undefined' ? 'denied' : Notification.permission));
  if (permission !== 'default') return null;
  return (
    <button type="button" className="button-secondary" onClick={() => void Notification.requestPermission().then(setPermission)}>
      Benachrichtigungen erlauben
    </button>
  );
}
