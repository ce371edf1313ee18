// Every date and time the UI shows, in German and in Berlin time, whatever the machine's zone.
import type { TimeWindow } from '../../../shared/wire';

const TIME_ZONE = 'Europe/Berlin';

const dateTimeFormat = new Intl.DateTimeFormat('de-DE', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const compactDateTimeFormat = new Intl.DateTimeFormat('de-DE', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

const timeFormat = new Intl.DateTimeFormat('de-DE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });

const localDateFormat = new Intl.DateTimeFormat('de-DE', {
  timeZone: TIME_ZONE,
  weekday: 'short',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

const compactDateFormat = new Intl.DateTimeFormat('de-DE', {
  timeZone: TIME_ZONE,
  weekday: 'short',
  day: '2-digit',
  month: '2-digit',
});

const dayKeyFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseInstant(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An instant (RFC 3339, UTC) as "12.03.2025, 14:05" in Berlin time. */
export function formatDateTime(iso: string | null | undefined): string {
  const date = iso ? parseInstant(iso) : null;
  return date ? dateTimeFormat.format(date) : '–';
}

/** An instant for dense tables: "12.03.25, 14:05" in Berlin time. */
export function formatDateTimeCompact(iso: string | null | undefined): string {
  const date = iso ? parseInstant(iso) : null;
  return date ? compactDateTimeFormat.format(date) : '–';
}

/**
 * An instant, short when it is today in Berlin ("14:05"), else with the date. `now` is passed
 * in so that callers (and tests) decide what "today" is.
 */
export function formatDateTimeShort(iso: string | null | undefined, now: Date): string {
  const date = iso ? parseInstant(iso) : null;
  if (!date) return '–';
  return dayKeyFormat.format(date) === dayKeyFormat.format(now) ? `heute, ${timeFormat.format(date)}` : dateTimeFormat.format(date);
}

/** A Berlin calendar date ("2025-03-12") as "Mi., 12.03.2025", with no zone shift. */
export function formatLocalDate(localDate: string | null | undefined): string {
  const match = localDate ? LOCAL_DATE.exec(localDate) : null;
  if (!match) return '–';
  const [, y, m, d] = match;
  // Noon UTC is the same calendar day in Berlin in summer and winter.
  return localDateFormat.format(new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), 12)));
}

/** A calendar date without the year, for dense tables: "Mi., 12.03.". */
export function formatLocalDateCompact(localDate: string | null | undefined): string {
  const match = localDate ? LOCAL_DATE.exec(localDate) : null;
  if (!match) return '–';
  const [, y, m, d] = match;
  return compactDateFormat.format(new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), 12)));
}

/** "10:00–12:00 Uhr". */
export function formatTimeWindow(window: TimeWindow | null | undefined): string {
  return window ? `${window.from}–${window.to} Uhr` : '–';
}

/** The preferred callback slot: "Mi., 12.03.2025, 10:00–12:00 Uhr". */
export function formatPreferredSlot(localDate: string | null | undefined, window: TimeWindow | null | undefined): string {
  if (!localDate) return window ? formatTimeWindow(window) : '–';
  return window ? `${formatLocalDate(localDate)}, ${formatTimeWindow(window)}` : formatLocalDate(localDate);
}

/** The preferred slot for a table cell: "Mi., 12.03., 10:00–12:00". */
export function formatPreferredSlotCompact(localDate: string | null | undefined, window: TimeWindow | null | undefined): string {
  const time = window ? `${window.from}–${window.to}` : null;
  if (!localDate) return time ?? '–';
  return time ? `${formatLocalDateCompact(localDate)}, ${time}` : formatLocalDateCompact(localDate);
}
