// When a callback is due: inside its preferred window (a Berlin wall-clock date and times,
// stored as UTC instants at ingest so daylight saving is already settled), overdue after it.
import type { DueState } from '../../../shared/views';
import { berlinInstant } from '../time/berlin';

export interface DueWindow {
  dueFrom: string | null;
  dueUntil: string | null;
  status: string;
}

/** null for entries without a window (contact requests) and for closed ones: nothing is due. */
export function dueState(entry: DueWindow, now: Date): DueState | null {
  if (!entry.dueFrom || !entry.dueUntil || entry.status === 'closed') return null;
  const t = now.getTime();
  if (t < Date.parse(entry.dueFrom)) return 'upcoming';
  // The window's end is exclusive: a 10:00–12:00 slot is overdue from 12:00 on.
  return t < Date.parse(entry.dueUntil) ? 'due' : 'overdue';
}

/** The window of a preferred date and Berlin clock times as UTC instants. */
export function preferredWindowInstants(date: string, from: string, to: string): { dueFrom: string; dueUntil: string } {
  return { dueFrom: berlinInstant(date, from), dueUntil: berlinInstant(date, to) };
}
