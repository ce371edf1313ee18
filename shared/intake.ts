// Intake (SYNC_API 1.1): the website's four forms. The shapes and limits are checked here with
// German messages for each field, as the form shows them next to the field; the rules that need
// the backend's clock or a phone-number library (date window, consent time, German numbers)
// are checked by the backend with the same messages' tone (backend/lifecycle/intake-rules.ts).
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import { CALLBACK_TOPICS, SALUTATIONS, TOPICS } from './domain';
import { Instant } from './wire';

export const INTAKE_LIMITS = { name: 100, subject: 200, message: 5_000, note: 5_000, noticeVersion: 20, email: 254, phone: 40 } as const;
/** Forms larger than this are refused at once (413). */
export const INTAKE_MAX_BODY_BYTES = 32 * 1024;
export const IDEMPOTENCY_KEY_MAX = 100;

const tooLong = (max: number) => `Höchstens ${max.toLocaleString('de-DE')} Zeichen.`;
const text = (max: number, missing: string) =>
  z
    .string({ error: missing })
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1, missing).max(max, tooLong(max)));

const salutation = z.enum(SALUTATIONS, { error: 'Bitte Frau, Herr, divers oder keine Anrede wählen.' }).nullable();
const clockTime = z.string({ error: 'Bitte eine Uhrzeit wählen.' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Bitte eine Uhrzeit im Format HH:MM wählen.');

/** A German number a callback can dial, normalised to E.164 (+49…) with libphonenumber-js. */
export const GermanPhone = z
  .string({ error: 'Bitte eine Telefonnummer angeben.' })
  .max(INTAKE_LIMITS.phone, tooLong(INTAKE_LIMITS.phone))
  .transform((raw, ctx) => {
    const trimmed = raw.normalize('NFC').trim();
    const parsed = trimmed === '' ? undefined : parsePhoneNumberFromString(trimmed, 'DE');
    if (trimmed === '') ctx.addIssue({ code: 'custom', message: 'Bitte eine Telefonnummer angeben.' });
    else if (!parsed || !parsed.isValid()) ctx.addIssue({ code: 'custom', message: 'Bitte eine gültige Telefonnummer angeben, z. B. 0234 960-0 oder 0171 2345678.' });
    else if (parsed.country !== 'DE') ctx.addIssue({ code: 'custom', message: 'Rückrufe gibt es nur an deutsche Telefonnummern.' });
    return parsed?.number ?? trimmed;
  });

export const IntakeConsent = z.strictObject(
  {
    noticeVersion: z.string({ error: 'Die Version der Datenschutzhinweise fehlt.' }).min(1, 'Die Version der Datenschutzhinweise fehlt.').max(INTAKE_LIMITS.noticeVersion, tooLong(INTAKE_LIMITS.noticeVersion)),
    at: z.iso.datetime({ offset: false, error: 'Der Zeitpunkt der Einwilligung fehlt oder ist ungültig.' }),
  },
  { error: 'Bitte der Verarbeitung Ihrer Angaben zustimmen.' },
);

export const CallbackIntake = z.strictObject({
  salutation,
  name: text(INTAKE_LIMITS.name, 'Bitte Ihren Namen angeben.'),
  phone: GermanPhone,
  preferredDate: z.iso.date({ error: 'Bitte einen Tag wählen.' }),
  preferredWindow: z.strictObject({ from: clockTime, to: clockTime }, { error: 'Bitte ein Zeitfenster wählen.' }),
  topic: z.enum(CALLBACK_TOPICS, { error: 'Bitte ein Anliegen wählen.' }),
  note: z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(INTAKE_LIMITS.note, tooLong(INTAKE_LIMITS.note)))
    .transform((s) => (s === '' ? null : s))
    .nullable(),
  consent: IntakeConsent,
});
export type CallbackIntake = z.infer<typeof CallbackIntake>;

export const MessageIntake = z.strictObject({
  salutation,
  name: text(INTAKE_LIMITS.name, 'Bitte Ihren Namen angeben.'),
  email: z
    .string({ error: 'Bitte eine E-Mail-Adresse angeben.' })
    .trim()
    .max(INTAKE_LIMITS.email, tooLong(INTAKE_LIMITS.email))
    .pipe(z.email('Bitte eine gültige E-Mail-Adresse angeben, z. B. name@beispiel.de.')),
  category: z.enum(TOPICS, { error: 'Bitte ein Thema wählen.' }),
  subject: text(INTAKE_LIMITS.subject, 'Bitte einen Betreff angeben.'),
  message: text(INTAKE_LIMITS.message, 'Bitte Ihre Nachricht eingeben.'),
  consent: IntakeConsent,
});
export type MessageIntake = z.infer<typeof MessageIntake>;

export const INTAKE_KINDS = ['callback', 'contact', 'dpo', 'equality'] as const;
export type IntakeKind = (typeof INTAKE_KINDS)[number];

export const IntakeResponse = z.object({ id: z.uuid(), receivedAt: Instant, reference: z.string() });
export type IntakeResponse = z.infer<typeof IntakeResponse>;

/** 400 for a form: every invalid field with its German message, by dotted path. */
export const IntakeFieldErrors = z.record(z.string(), z.string());

/** The first message per dotted path, as the form shows it next to the field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(form)';
    fields[path] ??= issue.message;
  }
  return fields;
}
