import { useEffect } from 'react';
import { LoginScreen } from './login/LoginScreen';
import { Announcer } from './shell/Announcer';
import { DeskScreen } from './shell/DeskScreen';
import { useSession } from './store/StoresContext';

export function App() {
  const phase = useSession((s) => s.phase);
  const init = useSession((s) => s.init);

  useEffect(() => {
    void init();
  }, [init]);

  return (
    <>
      {phase === 'starting' ? (
        <p className="splash">Wird geladen …</p>
      ) : phase === 'signed_in' ? (
        <DeskScreen />
      ) : (
        <LoginScreen />
      )}
      <Announcer />
    </>
  );
}
