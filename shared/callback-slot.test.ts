import { describe, expect, it } from 'vitest';
import { slotProblems, windowProblems } from './callback-slot';

describe('callback slot rules (intake form and rescheduled attempt)', () => {
  const today = '2026-12-01'; // a Tuesday
  it('accepts a slot on half hours inside the service hours, today to 30 days ahead', () => {
    expect(slotProblems('2026-12-01', { from: '08:00', to: '12:00' }, today)).toEqual({});
    expect(slotProblems('2026-12-31', { from: '16:30', to: '18:00' }, today)).toEqual({});
  });
  it('refuses past, too far, weekend dates', () => {
    expect(slotProblems('2026-11-30', { from: '09:00', to: '10:00' }, today).preferredDate).toMatch(/Vergangenheit/);
    expect(slotProblems('2027-01-01', { from: '09:00', to: '10:00' }, today).preferredDate).toMatch(/30 Tage/);
    expect(slotProblems('2026-12-05', { from: '09:00', to: '10:00' }, today).preferredDate).toMatch(/montags bis freitags/);
  });
  it('refuses windows off the half hour, reversed, longer than 4 hours or outside 08:00-18:00', () => {
    expect(windowProblems(null, { from: '09:15', to: '10:00' })['preferredWindow.from']).toMatch(/halbe Stunde/);
    expect(windowProblems(null, { from: '10:00', to: '09:00' })['preferredWindow.to']).toMatch(/nach dem Beginn/);
    expect(windowProblems(null, { from: '08:00', to: '12:30' })['preferredWindow.to']).toMatch(/4 Stunden/);
    expect(windowProblems(null, { from: '07:30', to: '09:00' })['preferredWindow.from']).toMatch(/Servicezeit/);
    expect(windowProblems(null, { from: '17:00', to: '18:30' })['preferredWindow.to']).toMatch(/18:00/);
  });
});
