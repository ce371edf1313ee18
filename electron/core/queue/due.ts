// When a callback is due: inside its preferred window (a Berlin wall-clock date and times,
// stored as UTC instants at ingest so daylight saving is already settled), overdue after it.
import type { DueState } from '../../../shared/views';
import { berlinInstant } from '../time/berlin';

export interface DueWindow {
  dueFrom: string | null;
  dueUntil: string | null;
  status: string;
}

// The window is stored as canonical UTC instants (toISOString at ingest), which order as text:
// comparing strings, as the queue's SQL does too, spares parsing two dates per row of a window.
let lastNow: { date: Date; iso: string } | null = null;
function isoOf(now: Date): string {
  if (lastNow?.date !== now) lastNow = { date: now, iso: now.toISOString() };
  return lastNow.iso;
}

/** null for entries without a window (contact requests) and for closed ones: nothing is due. */
export function dueState(entry: DueWindow, now: Date): DueState | null {
  if (!entry.dueFrom || !entry.dueUntil || entry.status === 'closed') return null;
  const t = isoOf(now);
  if (t < entry.dueFrom) return 'upcoming';
  // The window's end is exclusive: a 10:00–12:00 slot is overdue from 12:00 on.
  return t < entry.dueUntil ? 'due' : 'overdue';
}

/** The window of a preferred date and Berlin clock times as UTC instants. */
export function preferredWindowInstants(date: string, from: string, to: string): { dueFrom: string; dueUntil: string } {
  return { dueFrom: berlinInstant(date, from), dueUntil: berlinInstant(date, to) };
}
