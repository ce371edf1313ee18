// Who is signed in, how synchronisation stands, and the way out.
import { useState } from 'react';
import type { HeldCase } from '../../../shared/views';
import { roleList } from '../format/labels';
import { toDeskFailure } from '../services/desk-error';
import { useDesk, useSession, useSync } from '../store/StoresContext';
import { LogoutDialog } from './LogoutDialog';
import { SyncStatus } from './SyncStatus';

export function AppHeader() {
  const user = useSession((s) => s.session?.user);
  const busy = useSession((s) => s.busy);
  const logout = useSession((s) => s.logout);
  const syncing = useSync((s) => s.syncing);
  const syncNow = useSync((s) => s.syncNow);
  const { stores, service } = useDesk();
  const [held, setHeld] = useState<HeldCase[] | null>(null);
  const holdsCases = user?.roles.some((role) => role !== 'supervisor') ?? false;
  const leave = async () => {
    // A close waiting for its undo time was decided: send it before the session ends.
    await stores.pendingClose.getState().flush();
    const mine = holdsCases ? await service.heldCases().catch(() => []) : [];
    if (mine.length > 0) setHeld(mine);
    else await logout();
  };
  const releaseAndLeave = async (): Promise<string | null> => {
    let waiting = 0;
    try {
      for (const c of held ?? []) {
        const result = await service.release(c.id);
        if (result.delivery === 'rejected') return result.message ?? 'Das Backend hat eine Freigabe abgelehnt.';
        if (result.delivery === 'pending') waiting++;
      }
    } catch (error) {
      return toDeskFailure(error).message;
    }
    if (waiting > 0) {
      stores.notice
        .getState()
        .announce('Backend nicht erreichbar: Die Freigaben sind vorgemerkt. Bis sie gesendet sind, kann sich hier niemand anderes anmelden.', 'info');
    }
    setHeld(null);
    await logout();
    return null;
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
      <LogoutDialog
        held={held}
        onRelease={releaseAndLeave}
        onKeep={() => {
          setHeld(null);
          void logout();
        }}
        onCancel={() => setHeld(null)}
      />
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
