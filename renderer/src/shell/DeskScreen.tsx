// The signed-in workspace: header, the agents' workbench (queue with filters beside the opened
// request), the keyboard help, and alerts when a held callback's window opens.
import { useEffect, useState } from 'react';
import { CallbackQueue } from '../queue/CallbackQueue';
import { RequestPanel } from '../queue/RequestPanel';
import { startLiveUpdates } from '../store/live-updates';
import { useDesk } from '../store/StoresContext';
import { useWindowAlerts } from '../workbench/use-window-alerts';
import { SupervisorGate } from '../supervisor/SupervisorGate';
import { OfficerGate } from '../officer/OfficerGate';
import { AppHeader } from './AppHeader';
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
      {/* Officers' desk (issue 5): dpo/equality cases, SMS lookup and disclosures; others see the rest unchanged. */}
      <OfficerGate>
        <SupervisorGate
          workbench={
            <main className="workspace">
              <CallbackQueue onHelp={() => setHelpOpen(true)} />
              <RequestPanel />
            </main>
          }
        />
      </OfficerGate>
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
