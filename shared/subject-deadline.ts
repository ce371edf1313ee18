// The deadline of a data-subject request (Art. 12(3) GDPR): one month from receipt, extendable
// once by up to two further months. Periods in months follow Regulation (EEC, Euratom) No 1182/71,
// Art. 3(2)(c): the period ends on the day of the last month that has the number of the day of
// receipt, and where that month lacks such a day, on its last day (31 January -> 28/29 February).
// Temporal's `overflow: 'constrain'` is exactly that rule. Art. 3(4) (a period ending on a
// Saturday, Sunday or public holiday runs on to the next working day) is deliberately not applied:
// the earlier date is always in time, and the desk has no calendar of Bochum's public holidays.
import { Temporal } from 'temporal-polyfill';

/** At most this many months of extension (Art. 12(3) sentence 2). */
export const SUBJECT_EXTENSION_MAX_MONTHS = 2;

function plusMonths(date: string, months: number): string {
  return Temporal.PlainDate.from(date).add({ months }, { overflow: 'constrain' }).toString();
}

/** The answer is due on this Berlin date (inclusive), given the Berlin date of receipt. */
export function subjectDeadline(receivedOn: string): string {
  return plusMonths(receivedOn, 1);
}

/** The extended deadline: counted from the original deadline, as the regulation counts a further period. */
export function extendedSubjectDeadline(deadline: string, months: number): string {
  if (!Number.isInteger(months) || months < 1 || months > SUBJECT_EXTENSION_MAX_MONTHS) throw new RangeError(`extension of ${months} months`);
  return plusMonths(deadline, months);
}

export type DeadlineState = 'open' | 'due' | 'overdue';

/** How close the deadline is on `today` (Berlin dates): due within the last 7 days, overdue after its day. */
export function deadlineState(deadline: string, today: string): DeadlineState {
  if (today > deadline) return 'overdue';
  const daysLeft = Temporal.PlainDate.from(today).until(Temporal.PlainDate.from(deadline), { largestUnit: 'days' }).days;
  return daysLeft <= 7 ? 'due' : 'open';
}
