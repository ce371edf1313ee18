// Dates and clock times in the contract are meant in Europe/Berlin; instants are UTC.
// Instant → Berlin wall time is unambiguous: the platform's time-zone data tells it (Intl). Wall
// time → instant is not, twice a year (date-fns-tz, used before, read 02:30 in the spring gap
// as 00:30Z and took the second 02:30 of the autumn overlap). We follow one documented
// convention, that of Temporal and java.time (`disambiguation: 'compatible'`), through the
// Temporal polyfill:
// - a wall time in the spring gap moves forward by the gap: 29 March 2026 02:30 is 03:30 CEST;
// - a wall time in the autumn overlap is its earlier instant: 25 October 2026 02:30 is CEST.
// No date-fns here: its index loads some 1,500 modules (≈ 2.5 s at every start of the CLI, a
// backend or a test file, most of it Node 22 re-reading date-fns' 200 KB package.json), and
// @date-fns/tz's TZDate, a subclass of Date, formats wrong under the tests' shifted clock.
import { Temporal } from 'temporal-polyfill';

export const BERLIN = 'Europe/Berlin';

/** The UTC instant (ISO, milliseconds) of a Berlin wall time `YYYY-MM-DDTHH:MM[:SS[.mmm]]`, by the convention above. */
export function berlinWallToInstant(localDateTime: string): string {
  const zoned = Temporal.PlainDateTime.from(localDateTime).toZonedDateTime(BERLIN, { disambiguation: 'compatible' });
  return new Date(zoned.epochMilliseconds).toISOString();
}

// Ingest converts the same few dates and slot times again and again (a day's callbacks share a
// handful of windows), and each conversion through the zone rules costs ≈ 25 µs: every distinct
// pair is converted once (bounded, dropped whole when full).
const instants = new Map<string, string>();

/** The UTC instant of a Berlin wall-clock date and time, e.g. ('2026-03-29', '08:00'). */
export function berlinInstant(date: string, time: string): string {
  const local = `${date}T${time}:00`;
  let instant = instants.get(local);
  if (instant === undefined) {
    if (instants.size >= 10_000) instants.clear();
    instant = berlinWallToInstant(local);
    instants.set(local, instant);
  }
  return instant;
}

const WALL_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: BERLIN,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const PATTERN_FIELDS: Record<string, Intl.DateTimeFormatPartTypes> = { yyyy: 'year', MM: 'month', dd: 'day', HH: 'hour', mm: 'minute', ss: 'second' };

/** An instant as Berlin wall time; yyyy, MM, dd, HH, mm and ss of the pattern are its fields ('dd.MM.yyyy HH:mm'). */
export function formatBerlin(at: Date, pattern: string): string {
  const fields: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of WALL_CLOCK.formatToParts(at.getTime())) fields[type] = value;
  return pattern.replace(/yyyy|MM|dd|HH|mm|ss/g, (token) => fields[PATTERN_FIELDS[token]!] ?? '');
}

/** The Berlin calendar date (YYYY-MM-DD) of an instant. */
export function berlinDate(at: Date): string {
  return formatBerlin(at, 'yyyy-MM-dd');
}

/** The calendar date `days` after `date` (both YYYY-MM-DD); calendar arithmetic, no zone involved. */
export function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Start of the Berlin calendar day `days` after `date` (YYYY-MM-DD), as a UTC instant. */
export function berlinDayStart(date: string, days = 0): string {
  return berlinInstant(shiftDate(date, days), '00:00');
}

/** `date` plus whole months; the 31st falls back to the month's last day. */
export function addMonthsToDate(date: string, months: number): string {
  return Temporal.PlainDate.from(date).add({ months }).toString();
}

/** `date` plus whole years; 29 February falls back to 28 February in a common year. */
export function addYearsToDate(date: string, years: number): string {
  return Temporal.PlainDate.from(date).add({ years }).toString();
}
