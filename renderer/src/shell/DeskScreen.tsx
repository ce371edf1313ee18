// The signed-in workspace: header, callback queue, and the opened request beside it.
import { useEffect } from 'react';
import { CallbackQueue } from '../queue/CallbackQueue';
import { RequestPanel } from '../queue/RequestPanel';
import { startLiveUpdates } from '../store/live-updates';
import { useDesk } from '../store/StoresContext';
import { AppHeader } from './AppHeader';

export function DeskScreen() {
  const { stores, service } = useDesk();

  useEffect(() => startLiveUpdates(stores, service), [stores, service]);

  useEffect(() => {
    // The login form just disappeared: put focus somewhere meaningful instead of <body>.
    document.getElementById('queue-heading')?.focus();
  }, []);

  return (
    <div className="desk">
      <AppHeader />
      <main className="workspace">
        <CallbackQueue />
        <RequestPanel />
      </main>
    </div>
  );
}
