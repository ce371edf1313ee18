import { describe, expect, it } from 'vitest';
import { berlinLongDate, germanDate, germanLongDate } from './german-date';

describe('German dates', () => {
  it('writes calendar dates as Germans do', () => {
    expect(germanDate('2027-05-30')).toBe('30.05.2027');
    expect(germanLongDate('2026-12-01')).toBe('1. Dezember 2026');
    expect(germanLongDate('2027-03-15')).toBe('15. März 2027');
  });

  it('takes the day in Berlin, not in UTC', () => {
    expect(berlinLongDate(new Date('2026-12-31T23:30:00Z'))).toBe('1. Januar 2027');
  });

  it('refuses what is not a date rather than printing it', () => {
    expect(() => germanDate('01.12.2026')).toThrow();
  });
});
