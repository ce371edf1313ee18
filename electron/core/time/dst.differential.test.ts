// Issue 12, item 4: Berlin wall times in the daylight-saving switches, against an independent
// time-zone implementation (Python's zoneinfo). The convention is Temporal's and java.time's:
// a wall time in the spring gap moves forward by the gap (zoneinfo: fold=0 takes the offset
// before the switch, which is the same instant); an overlap time is the earlier instant (fold=0).
import { describe, expect, it } from 'vitest';
import { runPython } from '../../../tests/oracles/python';
import { berlinWallShift } from '../../../shared/berlin-wall-shift';
import { berlinDayStart, berlinInstant, berlinWallToInstant, shiftDate } from './berlin';

/** Both switches of 2026-2028: the last Sundays of March and October. */
const SWITCH_DAYS = ['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31', '2028-03-26', '2028-10-29'];

const ZONEINFO = `
import json, sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo
berlin = ZoneInfo('Europe/Berlin')
out = []
for local in json.load(sys.stdin):
    instant = datetime.fromisoformat(local).replace(tzinfo=berlin, fold=0).astimezone(timezone.utc)
    out.append(instant.strftime('%Y-%m-%dT%H:%M:%S.') + '%03dZ' % (instant.microsecond // 1000))
print(json.dumps(out))
`;

const pad = (n: number) => String(n).padStart(2, '0');

/** Every minute of the switch days from 00:00 to 04:59, and of the days around them at a few times. */
function wallTimes(): string[] {
  const times: string[] = [];
  for (const day of SWITCH_DAYS) {
    for (let minute = 0; minute < 5 * 60; minute++) times.push(`${day}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:00`);
    for (const t of ['01:59:59.999', '02:00:00.001', '02:59:59.999', '03:00:00.000', '12:00:00', '23:59:59.999']) times.push(`${day}T${t}`);
    for (const other of [shiftDate(day, -1), shiftDate(day, 1)]) for (const t of ['00:00:00', '02:30:00', '12:00:00']) times.push(`${other}T${t}`);
  }
  return times;
}

describe('wall time → instant in the daylight-saving switches (against Python zoneinfo)', () => {
  it('both switches of 2026-2028, every minute of the night: the same instant', () => {
    const locals = wallTimes();
    const expected = runPython<string[]>(ZONEINFO, locals);
    const mismatches = locals.map((local, i) => ({ local, ours: berlinWallToInstant(local), zoneinfo: expected[i] })).filter((m) => m.ours !== m.zoneinfo);
    expect(mismatches).toEqual([]);
    expect(locals.length).toBeGreaterThan(1800);
  });

  it('the two cases of the issue: spring 02:30 is 01:30Z (03:30 CEST), autumn 02:30 is the earlier 00:30Z', () => {
    expect(berlinInstant('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(berlinInstant('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(berlinDayStart('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
  });

  it('retention shifts landing in a switch follow the same convention', () => {
    // Instants whose Berlin wall time, 90 (or -90) calendar days on, falls into a gap or an overlap.
    const cases: { at: Date; days: number }[] = [];
    for (const day of SWITCH_DAYS) {
      for (const days of [90, -90, 7, -1]) {
        for (let minute = 0; minute < 5 * 60; minute += 7) {
          const source = `${shiftDate(day, -days)}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:00`;
          cases.push({ at: new Date(berlinWallToInstant(source)), days });
        }
      }
    }
    // Python computes the target from the source's Berlin wall time on its own.
    const script = `
import json, sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo
berlin = ZoneInfo('Europe/Berlin')
out = []
for at, days in json.load(sys.stdin):
    wall = datetime.fromisoformat(at.replace('Z', '+00:00')).astimezone(berlin).replace(tzinfo=None)
    shifted = (wall + timedelta(days=days)).replace(tzinfo=berlin, fold=0).astimezone(timezone.utc)
    out.append(shifted.strftime('%Y-%m-%dT%H:%M:%S.') + '%03dZ' % (shifted.microsecond // 1000))
print(json.dumps(out))
`;
    const expected = runPython<string[]>(script, cases.map((c) => [c.at.toISOString(), c.days]));
    const mismatches = cases.map((c, i) => ({ at: c.at.toISOString(), days: c.days, ours: berlinWallShift(c.at, c.days), zoneinfo: expected[i] })).filter((m) => m.ours !== m.zoneinfo);
    expect(mismatches).toEqual([]);
  });
});
