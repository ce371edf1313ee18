import { afterEach, describe, expect, it, vi } from 'vitest';
import { queueRow } from '../testing/fake-desk-api';
import { scheduleWindowAlerts, upcomingWindows } from './window-alerts';

const NOW = Date.parse('2025-03-12T08:50:00Z'); // window of queueRow(): 09:00–11:00 UTC
const mine = { displayName: 'Anna', mine: true };

afterEach(() => vi.useRealTimers());

describe('window alerts', () => {
  it('picks only claimed callbacks of mine whose window has not opened yet (or only just)', () => {
    const rows = [
      queueRow({ id: 'mine', status: 'claimed', owner: mine }),
      queueRow({ id: 'open' }),
      queueRow({ id: 'theirs', status: 'claimed_elsewhere', owner: { displayName: 'Ben', mine: false } }),
      queueRow({ id: 'started', status: 'claimed', owner: mine, dueFrom: '2025-03-12T08:00:00Z' }),
      // Opened a minute ago, the claim confirmed only now: alert at once.
      queueRow({ id: 'just-opened', status: 'claimed', owner: mine, dueFrom: '2025-03-12T08:49:00Z' }),
    ];
    expect(upcomingWindows(rows, NOW, 3_600_000).map((x) => [x.row.id, x.inMs])).toEqual([
      ['mine', 600_000],
      ['just-opened', 0],
    ]);
  });

  it('notifies when the window opens, once, and falls back to the in-app toast', () => {
    vi.useFakeTimers();
    const toast = vi.fn();
    const alerted = new Set<string>();
    const rows = [queueRow({ status: 'claimed', owner: mine })];
    scheduleWindowAlerts(rows, { now: () => NOW, notify: () => false, toast }, alerted);
    vi.advanceTimersByTime(599_000);
    expect(toast).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(toast).toHaveBeenCalledWith(expect.stringMatching(/^Rückruf jetzt fällig/));
    const notify = vi.fn(() => true);
    scheduleWindowAlerts(rows, { now: () => NOW, notify, toast }, alerted);
    vi.advanceTimersByTime(600_000);
    expect(notify).not.toHaveBeenCalled(); // already alerted
  });
});
