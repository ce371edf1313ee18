// Until the first sync after login is in, the local copy may be partial: a list would say
// "Keine Fälle", a lookup "0 SMS". The screens wait here instead, saying why (and what went wrong
// while the sync retries). The core refuses lookups meanwhile anyway.
import type { ReactNode } from 'react';
import { useSync } from '../store/StoresContext';
import { Loading } from '../ui/StateMessage';

export function FirstSyncGate({ children }: { children: ReactNode }) {
  const state = useSync((s) => s.state);
  if (state?.caughtUp) return <>{children}</>;
  return (
    <div className="first-sync" data-testid="first-sync">
      <Loading>Daten werden synchronisiert … Die Ansicht erscheint, sobald alle Einträge da sind.</Loading>
      {state?.lastError && <p className="muted">Letzter Versuch: {state.lastError} Es wird automatisch erneut versucht.</p>}
    </div>
  );
}
