// wireInstant's shortcut for PostgreSQL's UTC text must give what the Date path gives.
import { describe, expect, it } from 'vitest';
import { wireInstant } from './time';

const byDate = (value: string) => new Date(value).toISOString().replace('.000Z', 'Z');

describe('wireInstant', () => {
  it('writes whole seconds in UTC without milliseconds, from PostgreSQL text and from a Date', () => {
    expect(wireInstant('2026-10-13T08:00:23+00:00')).toBe('2026-10-13T08:00:23Z');
    expect(wireInstant(new Date('2026-10-13T08:00:23Z'))).toBe('2026-10-13T08:00:23Z');
  });

  it('keeps milliseconds and converts other offsets, as the Date path does', () => {
    for (const text of ['2026-10-13T08:00:23.5+00:00', '2026-10-13T08:00:23.123456+00:00', '2026-10-13T10:00:23+02:00', '2026-03-29T01:59:59-01:00', '2026-10-13 08:00:23+00']) {
      expect(wireInstant(text)).toBe(byDate(text));
    }
    expect(wireInstant('2026-10-13T08:00:23.123456+00:00')).toBe('2026-10-13T08:00:23.123Z');
  });
});
