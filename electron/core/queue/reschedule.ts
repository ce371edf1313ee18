// A rescheduled callback (SYNC_API 1.1): the person agreed a new date and window on the phone.
// The slot must obey the intake form's rules (shared/callback-slot.ts) on the desk's clock; the
// request's due window moves with it, so the queue, the alerts and the expiry follow.
import { eq } from 'drizzle-orm';
import { slotProblems } from '../../../shared/callback-slot';
import type { TimeWindow } from '../../../shared/wire';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { requests } from '../db/schema';
import { DeskError } from '../desk-error';
import { berlinDate, berlinInstant } from '../time/berlin';

export interface Slot {
  preferredDate: string;
  preferredWindow: TimeWindow;
}

/** Throws a German invalid_input naming the first broken rule. */
export function checkSlot(clock: Clock, slot: Slot): void {
  const problems = slotProblems(slot.preferredDate, slot.preferredWindow, berlinDate(clock()));
  const first = Object.values(problems)[0];
  if (first) throw new DeskError('invalid_input', `Neuer Termin: ${first}`);
}

/** Moves the request's preferred slot and its due window. */
export function moveSlot(db: DeskDb, clock: Clock, requestId: string, slot: Slot): void {
  db.update(requests)
    .set({
      preferredDate: slot.preferredDate,
      windowFrom: slot.preferredWindow.from,
      windowTo: slot.preferredWindow.to,
      dueFrom: berlinInstant(slot.preferredDate, slot.preferredWindow.from),
      dueUntil: berlinInstant(slot.preferredDate, slot.preferredWindow.to),
      updatedAt: clock().toISOString(),
    })
    .where(eq(requests.id, requestId))
    .run();
}
