// Wire formats for time: RFC 3339 instants in UTC, and calendar dates meant in Europe/Berlin.
// Calendar dates are kept as "epoch days" (days since 1970-01-01) so date arithmetic is integer math.

export const DAY_MS = 86_400_000;

const berlinDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Berlin calendar date of an instant, as an epoch day. */
export function berlinDay(ms: number): number {
  return Math.round(Date.parse(`${berlinDateFormat.format(ms)}T00:00:00Z`) / DAY_MS);
}

export function dayToIsoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isoDateToDay(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  return new Date(day * DAY_MS).getUTCDay();
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const two = (n: number): string => TWO_DIGITS[n] as string;
let cachedDay = Number.NaN;
let cachedDayPrefix = '';

/**
 * RFC 3339 in UTC with whole seconds, as in the contract's examples. Hand-formatted with the
 * date part cached, because the feed formats a million of these and toISOString is the slow part.
 */
export function instant(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const day = Math.floor(seconds / 86_400);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDayPrefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
  }
  let rest = seconds - day * 86_400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  return `${cachedDayPrefix}${two(hours)}:${two(minutes)}:${two(rest - minutes * 60)}Z`;
}

/** An instant on the wire: RFC 3339 in UTC, milliseconds only where there are any ("…T09:15:00Z"). */
export function wireInstant(value: Date | string): string {
  // PostgreSQL's JSON of a timestamptz in a UTC session, whole seconds ("…T09:15:00+00:00"): the
  // common case of a feed page is rewritten without a Date (a page holds up to 1,000 of them).
  if (typeof value === 'string' && WHOLE_SECONDS_UTC.test(value)) return `${value.slice(0, 19)}Z`;
  return (value instanceof Date ? value : new Date(value)).toISOString().replace('.000Z', 'Z');
}

const WHOLE_SECONDS_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/;
