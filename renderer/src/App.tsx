import { useEffect } from 'react';
import { LoginScreen } from './login/LoginScreen';
import { Announcer } from './shell/Announcer';
import { DeskScreen } from './shell/DeskScreen';
import { useDesk, useSession } from './store/StoresContext';
import { UndoBar } from './ui/UndoBar';

export function App() {
  const phase = useSession((s) => s.phase);
  const init = useSession((s) => s.init);
  const { stores } = useDesk();

  useEffect(() => {
    void init();
  }, [init]);

  return (
    <div className="app">
      {phase === 'starting' ? (
        <p className="splash">Wird geladen …</p>
      ) : phase === 'signed_in' ? (
        <DeskScreen />
      ) : (
        <LoginScreen />
      )}
      {/* Messages and the undo sit in a bar of their own: they never cover a chart or a form. */}
      <footer className="status-bar">
        <UndoBar store={stores.pendingClose} />
        <Announcer />
      </footer>
    </div>
  );
}
