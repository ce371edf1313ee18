// When the preferred window of a callback this workstation holds opens, say so: the browser's
// Notification where permitted (web host), else the in-app live region. Electron's native
// notification belongs to electron/main (not wired here).
import type { QueueRow } from '../../../shared/views';

export interface WindowAlertDeps {
  now: () => number;
  notify: (title: string, body: string) => boolean;
  toast: (text: string) => void;
}

/**
 * A window that opened this long ago still alerts (at once): the claim may have been confirmed by
 * the backend only just after the window opened, and the agent must hear of it all the same.
 */
export const LATE_ALERT_MS = 120_000;

/** Claimed callbacks of mine whose window opens within `horizonMs` (or just opened), with the delay until it does. */
export function upcomingWindows(rows: readonly QueueRow[], now: number, horizonMs: number): { row: QueueRow; inMs: number }[] {
  return rows
    .filter((r) => r.kind === 'callback' && r.status === 'claimed' && r.owner?.mine !== false && r.dueFrom)
    .map((row) => ({ row, inMs: Date.parse(row.dueFrom!) - now }))
    .filter((x) => x.inMs > -LATE_ALERT_MS && x.inMs <= horizonMs)
    .map((x) => ({ row: x.row, inMs: Math.max(0, x.inMs) }));
}

export function windowOpenText(row: QueueRow): { title: string; body: string } {
  const window = row.preferredWindow ? `${row.preferredWindow.from}–${row.preferredWindow.to} Uhr` : '';
  return { title: 'Rückruf jetzt fällig', body: `Das Wunschfenster eines übernommenen Rückrufs hat begonnen (${window}).` };
}

/** The browser's Notification API, used only when the user already allowed it. */
export function browserNotify(title: string, body: string): boolean {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return false;
  // The body holds no personal data: notifications may show on a locked screen.
  new Notification(title, { body });
  return true;
}

/** Schedules one alert per window opening; returns the cancel function. */
export function scheduleWindowAlerts(rows: readonly QueueRow[], deps: WindowAlertDeps, alerted: Set<string>): () => void {
  // Timers further out are set again on the next refresh; setTimeout caps at 2^31-1 ms.
  const timers = upcomingWindows(rows, deps.now(), 6 * 3_600_000)
    .filter(({ row }) => !alerted.has(row.id))
    .map(({ row, inMs }) =>
      setTimeout(() => {
        alerted.add(row.id);
        const text = windowOpenText(row);
        if (!deps.notify(text.title, text.body)) deps.toast(`${text.title}: ${text.body}`);
      }, inMs),
    );
  return () => timers.forEach(clearTimeout);
}
