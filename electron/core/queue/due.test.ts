import { describe, expect, it } from 'vitest';
import { dueState, preferredWindowInstants } from './due';

const at = (iso: string) => new Date(iso);

describe('due logic in Europe/Berlin', () => {
  it('is upcoming before the window, due inside it, overdue from its end', () => {
    // 27 Nov 2026, winter time (UTC+1): 10:00–12:00 Berlin is 09:00–11:00 UTC.
    const w = { ...preferredWindowInstants('2026-11-27', '10:00', '12:00'), status: 'open' };
    expect(w).toMatchObject({ dueFrom: '2026-11-27T09:00:00.000Z', dueUntil: '2026-11-27T11:00:00.000Z' });
    expect(dueState(w, at('2026-11-27T08:59:59Z'))).toBe('upcoming');
    expect(dueState(w, at('2026-11-27T09:00:00Z'))).toBe('due');
    expect(dueState(w, at('2026-11-27T10:59:59Z'))).toBe('due');
    expect(dueState(w, at('2026-11-27T11:00:00Z'))).toBe('overdue');
  });

  it('follows the switch to summer time (29 March 2026, UTC+1 → UTC+2)', () => {
    const before = preferredWindowInstants('2026-03-28', '08:00', '10:00');
    const after = preferredWindowInstants('2026-03-29', '08:00', '10:00');
    expect(before.dueFrom).toBe('2026-03-28T07:00:00.000Z');
    expect(after.dueFrom).toBe('2026-03-29T06:00:00.000Z');
    // 06:30 UTC on the 29th is 08:30 in Berlin: due, although it would be 07:30 in winter time.
    expect(dueState({ ...after, status: 'claimed' }, at('2026-03-29T06:30:00Z'))).toBe('due');
    expect(dueState({ ...after, status: 'claimed' }, at('2026-03-29T08:00:00Z'))).toBe('overdue');
  });

  it('follows the switch back to winter time (25 October 2026, UTC+2 → UTC+1)', () => {
    const w = { ...preferredWindowInstants('2026-10-25', '08:00', '10:00'), status: 'open' };
    expect(w.dueFrom).toBe('2026-10-25T07:00:00.000Z');
    expect(dueState(w, at('2026-10-25T06:30:00Z'))).toBe('upcoming');
    expect(dueState(w, at('2026-10-25T08:59:00Z'))).toBe('due');
    expect(dueState(w, at('2026-10-25T09:00:00Z'))).toBe('overdue');
  });

  it('has nothing due for contact requests and closed callbacks', () => {
    expect(dueState({ dueFrom: null, dueUntil: null, status: 'open' }, at('2026-11-27T10:00:00Z'))).toBeNull();
    const closed = { ...preferredWindowInstants('2026-11-27', '10:00', '12:00'), status: 'closed' };
    expect(dueState(closed, at('2026-11-27T13:00:00Z'))).toBeNull();
  });
});
