// Retention periods in days are Berlin calendar days: "90 days after 12:00 on 15 January" is
// 12:00 on 15 April, although a daylight-saving change lies between (one hour less in UTC).
// A target wall time that falls into a switch follows berlinWallToInstant's convention.
import { formatInTimeZone } from 'date-fns-tz';
import { BERLIN, berlinWallToInstant, shiftDate } from '../time/berlin';

/** The instant `days` Berlin calendar days after `at`, at the same Berlin wall-clock time. */
export function berlinWallShift(at: Date, days: number): string {
  const date = formatInTimeZone(at, BERLIN, 'yyyy-MM-dd');
  const time = formatInTimeZone(at, BERLIN, 'HH:mm:ss.SSS');
  return berlinWallToInstant(`${shiftDate(date, days)}T${time}`);
}
