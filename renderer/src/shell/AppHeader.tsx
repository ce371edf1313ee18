// Who is signed in, how synchronisation stands, and the way out.
import { useState } from 'react';
import { roleList } from '../format/labels';
import { useDesk, useSession, useSync } from '../store/StoresContext';
import { SyncStatus } from './SyncStatus';

export function AppHeader() {
  const user = useSession((s) => s.session?.user);
  const busy = useSession((s) => s.busy);
  const logout = useSession((s) => s.logout);
  const syncing = useSync((s) => s.syncing);
  const syncNow = useSync((s) => s.syncNow);
  const { stores } = useDesk();
  // A close waiting for its undo time was decided: send it before the session ends.
  const leave = async () => {
    await stores.pendingClose.getState().flush();
    await logout();
  };

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
        <button type="button" className="button-secondary" disabled={busy} onClick={() => void leave()}>
          Abmelden
        </button>
      </div>
    </header>
  );
}

/**
 * Offers desktop notifications (window of a held callback opens) where the browser asks first,
 * and says what came of it: a refusal is no silent no-op.
 */
function NotificationPermission() {
  const [permission, setPermission] = useState(() => (typeof Notification === 'undefined' ? 'denied' : Notification.permission));
  const { stores } = useDesk();
  if (permission !== 'default') return null;
  const ask = async () => {
    const answer = await Notification.requestPermission().catch(() => 'denied' as const);
    setPermission(answer);
    if (answer === 'granted') stores.notice.getState().announce('Benachrichtigungen sind erlaubt.', 'success');
    else
      stores.notice
        .getState()
        .announce('Der Browser hat Benachrichtigungen nicht erlaubt. Öffnende Rückruffenster erscheinen weiter hier in der Meldungsleiste; erlauben lässt es sich in den Website-Einstellungen.', 'error');
  };
  return (
    <button type="button" className="button-secondary" onClick={() => void ask()}>
      Benachrichtigungen erlauben
    </button>
  );
}
