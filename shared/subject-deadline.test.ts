// Regulation 1182/71 Art. 3(2)(c) for the Art. 12(3) GDPR month: month ends and leap years.
import { describe, expect, it } from 'vitest';
import { deadlineState, extendedSubjectDeadline, subjectDeadline } from './subject-deadline';

describe('subject deadline', () => {
  it.each([
    ['2027-01-31', '2027-02-28'],
    ['2028-01-31', '2028-02-29'],
    ['2028-01-29', '2028-02-29'],
    ['2027-03-31', '2027-04-30'],
    ['2027-02-28', '2027-03-28'],
    ['2026-12-15', '2027-01-15'],
  ])('received %s: due %s', (received, due) => expect(subjectDeadline(received)).toBe(due));

  it('extends by 1 or 2 months counted from the original deadline, never more', () => {
    expect(extendedSubjectDeadline('2027-02-28', 2)).toBe('2027-04-28');
    expect(extendedSubjectDeadline('2027-12-31', 2)).toBe('2028-02-29');
    expect(extendedSubjectDeadline('2027-04-30', 1)).toBe('2027-05-30');
    expect(() => extendedSubjectDeadline('2027-04-30', 3)).toThrow(RangeError);
    expect(() => extendedSubjectDeadline('2027-04-30', 0)).toThrow(RangeError);
  });

  it('is due in its last 7 days and overdue the day after', () => {
    expect(deadlineState('2027-02-28', '2027-02-20')).toBe('open');
    expect(deadlineState('2027-02-28', '2027-02-21')).toBe('due');
    expect(deadlineState('2027-02-28', '2027-02-28')).toBe('due');
    expect(deadlineState('2027-02-28', '2027-03-01')).toBe('overdue');
  });
});
