// Retention periods in days are Berlin calendar days: "90 days after 12:00 on 15 January" is
// 12:00 on 15 April, although a daylight-saving change lies between (one hour less in UTC).
// Backend and desk count them with this one function, so an SMS record's cutoff is the same
// instant at the origin and on every workstation. A target wall time in the spring gap moves
// forward by the gap, one in the autumn overlap is the earlier instant (Temporal's 'compatible',
// as java.time; ZonedDateTime.add does calendar days on the wall time).
import { Temporal } from 'temporal-polyfill';

export function berlinWallShift(at: Date, days: number): string {
  const wall = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO('Europe/Berlin');
  return new Date(wall.add({ days }).epochMilliseconds).toISOString();
}
