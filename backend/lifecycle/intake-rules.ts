// The intake rules that need the backend's clock or a phone-number library: German phone
// numbers (normalised to E.164), the callback's date and window (shared with the rescheduled
// attempt: shared/callback-slot.ts), and when the person consented. Messages in German, by field.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { slotProblems } from '../../shared/callback-slot';
import { type CallbackIntake, type MessageIntake } from '../../shared/intake';
import { berlinDay, dayToIsoDate } from '../time';

/** The form was sent at most a day before it arrived; a few minutes of clock skew are allowed. */
const CONSENT_MAX_AGE_MS = 24 * 3_600_000;
const CONSENT_SKEW_MS = 5 * 60_000;

export type FieldProblems = Record<string, string>;

export function consentProblems(consent: { at: string }, now: Date): FieldProblems {
  const at = Date.parse(consent.at);
  if (at > now.getTime() + CONSENT_SKEW_MS) return { 'consent.at': 'Der Zeitpunkt der Einwilligung liegt in der Zukunft.' };
  if (at < now.getTime() - CONSENT_MAX_AGE_MS) return { 'consent.at': 'Die Einwilligung ist älter als 24 Stunden. Bitte das Formular neu absenden.' };
  return {};
}

/** A German number a callback can dial, in E.164 (+49…), or the German problem. */
export function normalisedPhone(raw: string): { phone: string } | { problem: string } {
  const trimmed = raw.normalize('NFC').trim();
  if (trimmed === '') return { problem: 'Bitte eine Telefonnummer angeben.' };
  const parsed = parsePhoneNumberFromString(trimmed, 'DE');
  if (!parsed || !parsed.isValid()) return { problem: 'Bitte eine gültige Telefonnummer angeben, z. B. 0234 960-0 oder 0171 2345678.' };
  if (parsed.country !== 'DE') return { problem: 'Rückrufe gibt es nur an deutsche Telefonnummern.' };
  return { phone: parsed.number };
}

export function callbackProblems(form: CallbackIntake, now: Date): { problems: FieldProblems; phone: string } {
  const phone = normalisedPhone(form.phone);
  const problems: FieldProblems = {
    ...('problem' in phone ? { phone: phone.problem } : {}),
    ...slotProblems(form.preferredDate, form.preferredWindow, dayToIsoDate(berlinDay(now.getTime()))),
    ...consentProblems(form.consent, now),
  };
  return { problems, phone: 'phone' in phone ? phone.phone : '' };
}

export function messageProblems(form: MessageIntake, now: Date): FieldProblems {
  return consentProblems(form.consent, now);
}
