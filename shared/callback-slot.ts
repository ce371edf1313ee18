// The rules of a callback's preferred slot, as the website's intake form has them (SYNC_API 1.1):
// a date from today to 30 days ahead, a window on full or half hours, `to` after `from`, at most
// 4 hours, inside the service hours (default Monday to Friday 08:00-18:00, Europe/Berlin). A
// rescheduled attempt obeys the same rules. Pure: "today" is passed in (a Berlin YYYY-MM-DD).
import type { TimeWindow } from './wire';

export const SLOT_DAYS_AHEAD = 30;
export const SLOT_MAX_MINUTES = 240;
export const SERVICE_HOURS = { from: '08:00', to: '18:00', weekdays: [1, 2, 3, 4, 5] } as const;

export interface SlotProblems {
  preferredDate?: string;
  'preferredWindow.from'?: string;
  'preferredWindow.to'?: string;
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The rules that need no clock: half hours, order, length, service hours and days. */
export function windowProblems(date: string | null, window: TimeWindow): SlotProblems {
  const problems: SlotProblems = {};
  const from = minutes(window.from);
  const to = minutes(window.to);
  if (from % 30 !== 0) problems['preferredWindow.from'] = 'Bitte eine volle oder halbe Stunde wählen.';
  if (to % 30 !== 0) problems['preferredWindow.to'] = 'Bitte eine volle oder halbe Stunde wählen.';
  if (to <= from) problems['preferredWindow.to'] = 'Das Ende muss nach dem Beginn liegen.';
  else if (to - from > SLOT_MAX_MINUTES) problems['preferredWindow.to'] = 'Das Zeitfenster darf höchstens 4 Stunden lang sein.';
  if (from < minutes(SERVICE_HOURS.from) || from >= minutes(SERVICE_HOURS.to)) {
    problems['preferredWindow.from'] ??= `Bitte innerhalb der Servicezeit ${SERVICE_HOURS.from}–${SERVICE_HOURS.to} Uhr.`;
  }
  if (to > minutes(SERVICE_HOURS.to)) problems['preferredWindow.to'] ??= `Spätestens ${SERVICE_HOURS.to} Uhr (Ende der Servicezeit).`;
  if (date && !(SERVICE_HOURS.weekdays as readonly number[]).includes(weekday(date))) {
    problems.preferredDate = 'Rückrufe gibt es montags bis freitags.';
  }
  return problems;
}

/** Every rule, with today's Berlin date: German messages keyed by the field's dotted path. */
export function slotProblems(date: string, window: TimeWindow, today: string): SlotProblems {
  const problems = windowProblems(date, window);
  if (date < today) problems.preferredDate = 'Der Termin darf nicht in der Vergangenheit liegen.';
  else if (date > addDays(today, SLOT_DAYS_AHEAD)) problems.preferredDate = `Höchstens ${SLOT_DAYS_AHEAD} Tage im Voraus.`;
  return problems;
}
