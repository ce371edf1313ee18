// The intake rules that need the backend's clock: the callback's date and window (shared with the
// rescheduled attempt: shared/callback-slot.ts) and when the person consented. They are checked
// on the raw form too, so a form with several mistakes gets all of them at once.
import { slotProblems } from '../../shared/callback-slot';
import { berlinDay, dayToIsoDate } from '../time';

/** The form was sent at most a day before it arrived; a few minutes of clock skew are allowed. */
const CONSENT_MAX_AGE_MS = 24 * 3_600_000;
const CONSENT_SKEW_MS = 5 * 60_000;

export type FieldProblems = Record<string, string>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function consentProblems(raw: Record<string, unknown>, now: Date): FieldProblems {
  const at = isRecord(raw.consent) && typeof raw.consent.at === 'string' ? Date.parse(raw.consent.at) : Number.NaN;
  if (Number.isNaN(at)) return {};
  if (at > now.getTime() + CONSENT_SKEW_MS) return { 'consent.at': 'Der Zeitpunkt der Einwilligung liegt in der Zukunft.' };
  if (at < now.getTime() - CONSENT_MAX_AGE_MS) return { 'consent.at': 'Die Einwilligung ist älter als 24 Stunden. Bitte das Formular neu absenden.' };
  return {};
}

/** The clock's rules for whatever parts of the raw form are well-formed. */
export function clockProblems(kind: string, raw: unknown, now: Date): FieldProblems {
  if (!isRecord(raw)) return {};
  const problems = consentProblems(raw, now);
  if (kind !== 'callback') return problems;
  const window = raw.preferredWindow;
  if (typeof raw.preferredDate === 'string' && DATE.test(raw.preferredDate) && isRecord(window) && typeof window.from === 'string' && TIME.test(window.from) && typeof window.to === 'string' && TIME.test(window.to)) {
    Object.assign(problems, slotProblems(raw.preferredDate, { from: window.from, to: window.to }, dayToIsoDate(berlinDay(now.getTime()))));
  }
  return problems;
}
