import { describe, expect, it } from 'vitest';
import { formatGermanDate, parseGermanDate } from './german-date';

describe('German date entry', () => {
  it('reads dd.mm.yyyy and d.m.yyyy', () => {
    expect(parseGermanDate('01.12.2026')).toEqual({ ok: true, iso: '2026-12-01' });
    expect(parseGermanDate(' 1.2.2027 ')).toEqual({ ok: true, iso: '2027-02-01' });
  });
  it('refuses other forms and dates that do not exist, in German', () => {
    expect(parseGermanDate('2026-12-01')).toEqual({ ok: false, message: expect.stringContaining('TT.MM.JJJJ') });
    expect(parseGermanDate('12/01/2026').ok).toBe(false);
    expect(parseGermanDate('30.02.2027')).toEqual({ ok: false, message: 'Den 30.02.2027 gibt es nicht.' });
    expect(parseGermanDate('29.02.2028')).toEqual({ ok: true, iso: '2028-02-29' });
  });
  it('formats the wire date for display', () => {
    expect(formatGermanDate('2027-05-30')).toBe('30.05.2027');
    expect(formatGermanDate('')).toBe('');
  });
});
