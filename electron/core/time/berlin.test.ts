import { describe, expect, it } from 'vitest';
import { addMonthsToDate, addYearsToDate, berlinDate, berlinDayStart, berlinInstant, formatBerlin } from './berlin';

describe('Berlin time', () => {
  it('converts wall-clock times in winter (UTC+1) and summer (UTC+2)', () => {
    expect(berlinInstant('2026-11-27', '08:00')).toBe('2026-11-27T07:00:00.000Z');
    expect(berlinInstant('2026-07-01', '08:00')).toBe('2026-07-01T06:00:00.000Z');
  });

  it('handles the switch to and from daylight saving time', () => {
    // 29 March 2026: 02:00 CET jumps to 03:00 CEST; 25 October 2026: 03:00 CEST back to 02:00 CET.
    expect(berlinDayStart('2026-03-29', 1)).toBe('2026-03-29T22:00:00.000Z');
    expect(berlinDayStart('2026-10-25', 1)).toBe('2026-10-25T23:00:00.000Z');
    expect(berlinDate(new Date('2026-03-29T22:30:00Z'))).toBe('2026-03-30');
    expect(berlinDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it('formats an instant as Berlin wall time on either side of both switches', () => {
    expect(formatBerlin(new Date('2026-03-29T00:59:59Z'), 'dd.MM.yyyy HH:mm:ss')).toBe('29.03.2026 01:59:59');
    expect(formatBerlin(new Date('2026-03-29T01:00:00Z'), 'dd.MM.yyyy, HH:mm')).toBe('29.03.2026, 03:00');
    // The autumn overlap: 02:30 twice, first CEST, then CET.
    expect(formatBerlin(new Date('2026-10-25T00:30:00Z'), 'HH:mm')).toBe('02:30');
    expect(formatBerlin(new Date('2026-10-25T01:30:00Z'), 'HH:mm')).toBe('02:30');
    expect(formatBerlin(new Date('2026-12-31T23:00:00Z'), 'yyyy-MM-dd HH:mm')).toBe('2027-01-01 00:00');
  });

  it('adds months with the 31st falling back to the month\'s last day', () => {
    expect(addMonthsToDate('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonthsToDate('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsToDate('2026-12-15', 2)).toBe('2027-02-15');
  });

  it('adds years with 29 February falling back to the 28th', () => {
    expect(addYearsToDate('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYearsToDate('2026-11-27', 3)).toBe('2029-11-27');
  });
});
