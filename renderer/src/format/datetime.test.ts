import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatDateTimeShort,
  formatLocalDate,
  formatPreferredSlot,
  formatPreferredSlotCompact,
  formatTimeWindow,
} from './datetime';

describe('formatDateTime', () => {
  it('shows UTC instants in Berlin winter time', () => {
    expect(formatDateTime('2025-01-15T08:05:00Z')).toBe('15.01.2025, 09:05');
  });

  it('shows UTC instants in Berlin summer time', () => {
    expect(formatDateTime('2025-07-01T22:30:00Z')).toBe('02.07.2025, 00:30');
  });

  it('handles the spring-forward night', () => {
    expect(formatDateTime('2025-03-30T00:30:00Z')).toBe('30.03.2025, 01:30');
    expect(formatDateTime('2025-03-30T01:30:00Z')).toBe('30.03.2025, 03:30');
  });

  it('shows a dash for missing or broken values', () => {
    expect(formatDateTime(null)).toBe('–');
    expect(formatDateTime('kein Datum')).toBe('–');
  });
});

describe('formatDateTimeShort', () => {
  const now = new Date('2025-03-12T22:30:00Z'); // 23:30 in Berlin, 12 March

  it('says "heute" for the same Berlin day', () => {
    expect(formatDateTimeShort('2025-03-12T07:00:00Z', now)).toBe('heute, 08:00');
  });

  it('uses the Berlin day, not the UTC day', () => {
    // 23:10 UTC on the 12th is already the 13th in Berlin.
    expect(formatDateTimeShort('2025-03-12T23:10:00Z', now)).toBe('13.03.2025, 00:10');
  });
});

describe('local dates and windows', () => {
  it('formats a calendar date with its weekday and no zone shift', () => {
    expect(formatLocalDate('2025-03-12')).toBe('Mi., 12.03.2025');
    expect(formatLocalDate('2025-10-26')).toBe('So., 26.10.2025');
  });

  it('formats a time window', () => {
    expect(formatTimeWindow({ from: '10:00', to: '12:00' })).toBe('10:00–12:00 Uhr');
  });

  it('combines date and window into the preferred slot', () => {
    expect(formatPreferredSlot('2025-03-12', { from: '10:00', to: '12:00' })).toBe('Mi., 12.03.2025, 10:00–12:00 Uhr');
    expect(formatPreferredSlot('2025-03-12', null)).toBe('Mi., 12.03.2025');
    expect(formatPreferredSlot(null, null)).toBe('–');
  });

  it('has a compact slot for table cells', () => {
    expect(formatPreferredSlotCompact('2025-03-12', { from: '10:00', to: '12:00' })).toBe('Mi., 12.03., 10:00–12:00');
    expect(formatPreferredSlotCompact('2025-03-12', null)).toBe('Mi., 12.03.');
    expect(formatPreferredSlotCompact(null, null)).toBe('–');
  });
});
