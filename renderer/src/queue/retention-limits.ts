// The retention limits of DESIGN.md as the close form checks them before sending, so the user
// hears at once what is allowed; the core checks again (request-actions.ts checkRetention).
import { RETENTION_LIMIT_YEARS, type RetentionReason } from '../../../shared/domain';
import { plural } from '../format/plural';

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

export const RETENTION_NOTE_MAX = 2000;

export interface RetentionProblems {
  until?: string;
  note?: string;
}

/** German messages per field (shown next to it) when the retention cannot be accepted. */
export function retentionProblems(input: { reason: RetentionReason; until: string; note: string }, today: string): RetentionProblems {
  const problems: RetentionProblems = {};
  const limit = latestRetentionDate(input.reason, today);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.until)) problems.until = 'Bitte ein Datum für das Aufbewahrungsende angeben (TT.MM.JJJJ).';
  else if (input.until <= today) problems.until = 'Das Aufbewahrungsende muss in der Zukunft liegen.';
  else if (input.until > limit)
    problems.until = `Aufbewahrung höchstens ${plural(RETENTION_LIMIT_YEARS[input.reason], 'Jahr', 'Jahre')}, also bis ${limit.split('-').reverse().join('.')}.`;
  if (!input.note.trim()) problems.note = 'Eine Aufbewahrung braucht eine Begründung (Notiz).';
  else if (input.note.length > RETENTION_NOTE_MAX) problems.note = `Höchstens ${RETENTION_NOTE_MAX} Zeichen; jetzt ${input.note.length}. Bitte kürzen.`;
  return problems;
}

/** The first problem as one German message, else null. */
export function retentionProblem(input: { reason: RetentionReason; until: string; note: string }, today: string): string | null {
  const problems = retentionProblems(input, today);
  return problems.until ?? problems.note ?? null;
}
