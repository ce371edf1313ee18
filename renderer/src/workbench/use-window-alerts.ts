// While signed in: alert when a held callback's window opens, and refresh the queue every
// minute so "due now" and "overdue" follow the clock, not only sync events.
import { useEffect, useRef } from 'react';
import { useDesk, useQueue } from '../store/StoresContext';
import { browserNotify, scheduleWindowAlerts } from './window-alerts';

const DUE_REFRESH_MS = 60_000;

export function useWindowAlerts(): void {
  const { stores } = useDesk();
  // The entries this user holds, fetched with every refresh whatever the table's filters show.
  const rows = useQueue((s) => s.mine);
  const alerted = useRef(new Set<string>());

  useEffect(
    () =>
      scheduleWindowAlerts(
        rows,
        {
          now: Date.now,
          notify: browserNotify,
          toast: (text) => stores.notice.getState().announce(text, 'info'),
        },
        alerted.current,
      ),
    [rows, stores],
  );

  useEffect(() => {
    const timer = setInterval(() => void stores.queue.getState().load(), DUE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [stores]);
}
