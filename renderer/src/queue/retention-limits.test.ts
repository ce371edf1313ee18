import { describe, expect, it } from 'vitest';
import { addYears, berlinToday, latestRetentionDate, retentionProblem } from './retention-limits';

describe('retention limits in the close form', () => {
  it('uses the Berlin date, also just after midnight UTC+1', () => {
    expect(berlinToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it('adds years with 29 February falling back to the 28th', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(latestRetentionDate('customer_care', '2026-11-27')).toBe('2027-11-27');
    expect(latestRetentionDate('statutory', '2026-11-27')).toBe('2036-11-27');
  });

  it('refuses past dates, dates beyond the limit and a missing note', () => {
    const today = '2026-11-27';
    expect(retentionProblem({ reason: 'proof', until: '2026-11-27', note: 'x' }, today)).toMatch(/Zukunft/);
    expect(retentionProblem({ reason: 'customer_care', until: '2027-11-28', note: 'x' }, today)).toBe('Aufbewahrung höchstens 1 Jahr, also bis 27.11.2027.');
    expect(retentionProblem({ reason: 'proof', until: '2029-11-27', note: '  ' }, today)).toMatch(/Begründung/);
    expect(retentionProblem({ reason: 'proof', until: '2029-11-27', note: 'Widerspruch' }, today)).toBeNull();
  });
});
