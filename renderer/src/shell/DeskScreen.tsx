// The signed-in workspace: header, the areas of the user's roles behind one navigation, the
// keyboard help, and alerts when a held callback's window opens.
import { useEffect, useState } from 'react';
import { startLiveUpdates } from '../store/live-updates';
import { useDesk } from '../store/StoresContext';
import { useWindowAlerts } from '../workbench/use-window-alerts';
import { AppHeader } from './AppHeader';
import { DeskAreas } from './DeskAreas';
import { ShortcutHelp } from './ShortcutHelp';

export function DeskScreen() {
  const { stores, service } = useDesk();
  const [helpOpen, setHelpOpen] = useState(false);

  useEffect(() => startLiveUpdates(stores, service), [stores, service]);
  useWindowAlerts();

  useEffect(() => {
    // The login form just disappeared: put focus somewhere meaningful instead of <body>.
    document.getElementById('queue-heading')?.focus();
  }, []);

  return (
    <div className="desk">
      <AppHeader />
      <DeskAreas onHelp={() => setHelpOpen(true)} />
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
