// The retention limits of DESIGN.md as the close form checks them before sending, so the user
// hears at once what is allowed; the core checks again (request-actions.ts checkRetention).
import { RETENTION_LIMIT_YEARS, type RetentionReason } from '../../../shared/domain';

/** Today's date in Berlin as YYYY-MM-DD. */
export function berlinToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** `date` plus whole years; 29 February falls back to 28 February, as in the core. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

export function latestRetentionDate(reason: RetentionReason, today: string): string {
  return addYears(today, RETENTION_LIMIT_YEARS[reason]);
}

/** A German message when the retention cannot be accepted, else null. */
export function retentionProblem(input: { reason: RetentionReason; until: string; note: string }, today: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.until)) return 'Bitte ein Datum für das Aufbewahrungsende angeben.';
  if (input.until <= today) return 'Das Aufbewahrungsende muss in der Zukunft liegen.';
  const limit = latestRetentionDate(input.reason, today);
  if (input.until > limit) return `Aufbewahrung höchstens ${RETENTION_LIMIT_YEARS[input.reason]} Jahr(e), also bis ${limit.split('-').reverse().join('.')}.`;
  if (!input.note.trim()) return 'Eine Aufbewahrung braucht eine Begründung (Notiz).';
  return null;
}
