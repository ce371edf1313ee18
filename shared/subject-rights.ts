// Issue 17, part 5: what a data subject's request does beyond finding the data. Berichtigung
// (Art. 16) corrects fields of another request of the person at the backend; Einschränkung
// (Art. 18) marks records as not to be processed, only stored, until lifted; Widerspruch
// (Art. 21) is recorded with its decision and the effect the app can enforce. The corrected
// values are validated by intake's own field rules; the old values are kept nowhere.
import { z } from 'zod';
import { CallbackIntake, MessageIntake } from './intake';
import { Instant, LocalDate, Uuid } from './wire';

export const RECTIFIABLE_FIELDS = ['name', 'email', 'phone', 'subject', 'message'] as const;
export type RectifiableField = (typeof RECTIFIABLE_FIELDS)[number];

const reason = (min: number, max: number, missing: string) =>
  z
    .string({ error: missing })
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(min, missing).max(max, `Höchstens ${max} Zeichen.`));

/** `POST …/subject-request/rectifications`: the corrected values of one included request of the person. */
export const RectificationInput = z.strictObject({
  targetId: Uuid,
  changes: z
    .strictObject({
      name: MessageIntake.shape.name.optional(),
      email: MessageIntake.shape.email.optional(),
      // E.164 by libphonenumber-js, German numbers only: what intake stores for a callback.
      phone: CallbackIntake.shape.phone.optional(),
      subject: MessageIntake.shape.subject.optional(),
      message: MessageIntake.shape.message.optional(),
    })
    .refine((c) => RECTIFIABLE_FIELDS.some((f) => c[f] !== undefined), { message: 'Bitte mindestens ein Feld berichtigen.' }),
});
export type RectificationInput = z.infer<typeof RectificationInput>;

const Actor = z.object({ userId: z.string().min(1), displayName: z.string().min(1) });

/** What was corrected: which fields, by whom, when, for which case. Never a value, old or new. */
export const Rectification = z.object({ id: Uuid, caseId: Uuid, targetId: Uuid, fields: z.array(z.enum(RECTIFIABLE_FIELDS)), by: Actor, at: Instant });
export type Rectification = z.infer<typeof Rectification>;

export const RESTRICTABLE_SOURCES = ['request', 'sms', 'portal'] as const;
export const RestrictableSource = z.enum(RESTRICTABLE_SOURCES);
export type RestrictableSource = z.infer<typeof RestrictableSource>;
const HitId = z.string().regex(/^(request|sms|portal):[0-9a-f-]{36}$/, 'Unbekannter Treffer.');

/** `POST …/subject-request/restrictions`: included hits become restricted, with one reason. */
export const RestrictionInput = z.strictObject({
  hitIds: z.array(HitId).min(1, 'Bitte mindestens einen Treffer wählen.').max(500, 'Höchstens 500 Treffer auf einmal.'),
  reason: reason(10, 500, 'Bitte den Grund der Einschränkung angeben (mindestens 10 Zeichen).'),
});
export type RestrictionInput = z.infer<typeof RestrictionInput>;

/** `POST …/subject-request/restrictions/{restrictionId}/lift`. */
export const RestrictionLift = z.strictObject({ reason: reason(10, 500, 'Bitte den Grund der Aufhebung angeben (mindestens 10 Zeichen).') });
export type RestrictionLift = z.infer<typeof RestrictionLift>;

/** What a workstation learns (`restriction.updated`): which record, whether restricted; no reason (free text). */
export const RestrictionState = z.object({ id: Uuid, source: RestrictableSource, recordId: Uuid, active: z.boolean(), since: Instant, liftedAt: Instant.nullable() });
export type RestrictionState = z.infer<typeof RestrictionState>;

/** The case's own view, for the dpo holding it: with both reasons. */
export const Restriction = RestrictionState.extend({ caseId: Uuid, reason: z.string(), by: Actor, liftReason: z.string().nullable(), liftedBy: Actor.nullable() });
export type Restriction = z.infer<typeof Restriction>;

export const OBJECTION_SCOPES = ['callback_contact', 'customer_care', 'other_purpose'] as const;
export const ObjectionScope = z.enum(OBJECTION_SCOPES, { error: 'Bitte wählen, wogegen sich der Widerspruch richtet.' });
export const OBJECTION_DECISIONS = ['granted', 'refused'] as const;

/** `POST …/subject-request/objections`. A refusal needs compelling legitimate grounds, stated. */
export const ObjectionInput = z
  .strictObject({
    scope: ObjectionScope,
    purpose: z
      .string()
      .transform((s) => s.normalize('NFC').trim())
      .pipe(z.string().max(200, 'Höchstens 200 Zeichen.'))
      .nullable(),
    decision: z.enum(OBJECTION_DECISIONS, { error: 'Bitte stattgeben oder ablehnen wählen.' }),
    reason: reason(0, 1000, 'Bitte eine Begründung angeben.'),
    decidedOn: LocalDate,
  })
  .refine((o) => o.decision === 'granted' || o.reason.length >= 10, { path: ['reason'], message: 'Eine Ablehnung braucht zwingende schutzwürdige Gründe (mindestens 10 Zeichen).' })
  .refine((o) => o.scope !== 'other_purpose' || (o.purpose ?? '').length >= 3, { path: ['purpose'], message: 'Bitte den Zweck angeben, dem widersprochen wird.' });
export type ObjectionInput = z.infer<typeof ObjectionInput>;

export const Objection = z.object({
  id: Uuid,
  caseId: Uuid,
  scope: ObjectionScope,
  purpose: z.string().nullable(),
  decision: z.enum(OBJECTION_DECISIONS),
  reason: z.string(),
  decidedOn: LocalDate,
  by: Actor,
  at: Instant,
  /** What the app enforced: the included callbacks that can no longer be claimed (restricted by this objection). */
  restrictedRequests: z.number().int(),
});
export type Objection = z.infer<typeof Objection>;

/** Everything part 5 recorded on one case. */
export const SubjectRightsRecord = z.object({ rectifications: z.array(Rectification), restrictions: z.array(Restriction), objections: z.array(Objection) });
export type SubjectRightsRecord = z.infer<typeof SubjectRightsRecord>;

export const OBJECTION_SCOPE_LABELS: Record<(typeof OBJECTION_SCOPES)[number], string> = {
  callback_contact: 'Kontaktaufnahme (Rückrufe)',
  customer_care: 'Kundenbetreuung',
  other_purpose: 'Anderer Zweck',
};
