// Requests of data subjects (issue 17, Art. 15-21 GDPR): a dpo case marked with its type, its
// deadline and at most one extension, how the person's identity was checked (a choice and a short
// note; never a copy of an identity document), and the Find: a search at the backend over what
// the service center holds about the person, whose hits the officer includes or excludes with a
// reason. The marking lives at the backend; `subject.updated` carries it, without any free text,
// to every dpo workstation.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import { PortalAction, RequestKind, RetentionReason } from './domain';
import { SUBJECT_EXTENSION_MAX_MONTHS } from './subject-deadline';
import { IDENTITY_NOTE_MAX, IdentityMethod, SubjectRequestType } from './subject-labels';

export * from './subject-labels';
import { CustomerNumber, Instant, IpAddress, LocalDate, Uuid } from './wire';

export const IdentityCheck = z.strictObject({
  method: IdentityMethod,
  note: z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(IDENTITY_NOTE_MAX, `Höchstens ${IDENTITY_NOTE_MAX} Zeichen.`)),
});
export type IdentityCheck = z.infer<typeof IdentityCheck>;

const reason = (min: number, max: number, missing: string) =>
  z
    .string({ error: missing })
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(min, missing).max(max, `Höchstens ${max} Zeichen.`));

/** One change of a case's marking (`POST /api/v1/requests/{id}/subject-request`). */
export const SubjectRequestChange = z.discriminatedUnion('action', [
  /** Marks the case (or corrects its type); the deadline counts from receipt either way. */
  z.strictObject({ action: z.literal('mark'), type: SubjectRequestType, identity: IdentityCheck.nullable() }),
  z.strictObject({ action: z.literal('identity'), identity: IdentityCheck }),
  /** Once only: by 1 or 2 months from the original deadline; the person must be told within the first month. */
  z.strictObject({
    action: z.literal('extend'),
    months: z.number({ error: 'Bitte 1 oder 2 Monate wählen.' }).int().min(1, 'Bitte 1 oder 2 Monate wählen.').max(SUBJECT_EXTENSION_MAX_MONTHS, 'Höchstens 2 Monate Verlängerung.'),
    reason: reason(10, 500, 'Bitte die Gründe der Verlängerung angeben (mindestens 10 Zeichen).'),
    personInformedOn: LocalDate.nullable(),
  }),
  /** The person was told of the extension (and why) on this day. */
  z.strictObject({ action: z.literal('informed'), on: LocalDate }),
]);
export type SubjectRequestChange = z.infer<typeof SubjectRequestChange>;

const Actor = z.object({ userId: z.string().min(1), displayName: z.string().min(1) });

/** What every dpo workstation learns from the feed: no free text, no personal data. */
export const SubjectRequestState = z.object({
  requestId: Uuid,
  type: SubjectRequestType,
  receivedOn: LocalDate,
  deadline: LocalDate,
  extendedUntil: LocalDate.nullable(),
  personInformedOn: LocalDate.nullable(),
  identityMethod: IdentityMethod.nullable(),
  markedBy: Actor,
  markedAt: Instant,
  updatedAt: Instant,
});
export type SubjectRequestState = z.infer<typeof SubjectRequestState>;

// --- Find ------------------------------------------------------------------
export const SUBJECT_IDENTIFIERS = ['name', 'email', 'phone', 'customerNumber'] as const;
export type SubjectIdentifier = (typeof SUBJECT_IDENTIFIERS)[number];

const optionalText = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(max, `Höchstens ${max} Zeichen.`))
    .optional()
    .transform((s) => (s ? s : undefined));

/** A phone number as intake stores it: E.164 by libphonenumber-js, German numbers without +49 too. */
export const SearchPhone = optionalText(40).transform((raw, ctx) => {
  if (raw === undefined) return undefined;
  const parsed = parsePhoneNumberFromString(raw, 'DE');
  if (!parsed?.isValid()) {
    ctx.addIssue({ code: 'custom', message: 'Bitte eine gültige Telefonnummer angeben, z. B. 0234 960-0 oder 0171 2345678.' });
    return z.NEVER;
  }
  return parsed.number as string;
});

export const SubjectSearchQuery = z
  .strictObject({
    name: optionalText(100),
    email: optionalText(254).pipe(z.email('Bitte eine gültige E-Mail-Adresse angeben.').optional()),
    phone: SearchPhone,
    customerNumber: optionalText(20).pipe(CustomerNumber.optional()),
  })
  .refine((q) => SUBJECT_IDENTIFIERS.some((k) => q[k] !== undefined), { message: 'Bitte mindestens ein Merkmal angeben: Name, E-Mail, Telefon oder Kundennummer.' });
export type SubjectSearchQuery = z.infer<typeof SubjectSearchQuery>;

const hitBase = { id: z.string().min(1).max(100), matchedBy: z.array(z.enum(SUBJECT_IDENTIFIERS)).min(1) };
export const SubjectHit = z.discriminatedUnion('source', [
  z.object({
    ...hitBase,
    source: z.literal('request'),
    requestId: Uuid,
    kind: RequestKind,
    reference: z.string(),
    receivedAt: Instant,
    status: z.string(),
    retentionReason: RetentionReason.nullable(),
    retainedUntil: LocalDate.nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    subject: z.string().nullable(),
  }),
  z.object({ ...hitBase, source: z.literal('sms'), customerNumber: CustomerNumber, sentAt: Instant, ip: IpAddress }),
  z.object({ ...hitBase, source: z.literal('portal'), customerNumber: CustomerNumber, at: Instant, ip: IpAddress, action: PortalAction }),
  /** Part 3: a disclosure in the register that handed some of the person's SMS records to an authority; only how many of theirs, never other customers' records. */
  z.object({
    ...hitBase,
    source: z.literal('disclosure'),
    disclosureId: Uuid,
    authority: z.string(),
    caseRef: z.string(),
    requestedAt: Instant,
    status: z.enum(['requested', 'approved', 'rejected']),
    records: z.number().int().min(1),
  }),
]);
export type SubjectHit = z.infer<typeof SubjectHit>;
export type SubjectHitSource = SubjectHit['source'];

export const HIT_DECISIONS = ['include', 'exclude'] as const;
export const HitDecisionInput = z.strictObject({
  hitId: z.string().regex(/^(request|sms|portal|disclosure):[0-9a-f-]{36}$/, 'Unbekannter Treffer.'),
  decision: z.enum(HIT_DECISIONS, { error: 'Bitte aufnehmen oder ausschließen wählen.' }),
  reason: reason(3, 300, 'Bitte eine Begründung angeben (mindestens 3 Zeichen).'),
});
export type HitDecisionInput = z.infer<typeof HitDecisionInput>;

export const HitDecision = HitDecisionInput.extend({ by: Actor, at: Instant });
export type HitDecision = z.infer<typeof HitDecision>;

/** Sources the Find does not reach at this backend, said in every answer rather than implied (none since part 3 searches the disclosures register; the field stays for older readers). */
export const SUBJECT_SOURCES_NOT_AT_BACKEND = ['disclosures'] as const;

export const SubjectSearchResult = z.object({
  searchId: Uuid,
  at: Instant,
  searchedBy: z.array(z.enum(SUBJECT_IDENTIFIERS)),
  hits: z.array(SubjectHit),
  notSearched: z.array(z.enum(SUBJECT_SOURCES_NOT_AT_BACKEND)),
});
export type SubjectSearchResult = z.infer<typeof SubjectSearchResult>;

/** The full record for the dpo holding the case: the state plus its free texts, the searches made and the decisions. */
export const SubjectRequestRecord = SubjectRequestState.extend({
  identityNote: z.string().nullable(),
  extensionReason: z.string().nullable(),
  extendedOn: LocalDate.nullable(),
  searches: z.array(z.object({ id: Uuid, at: Instant, by: Actor, searchedBy: z.array(z.enum(SUBJECT_IDENTIFIERS)), hits: z.number().int() })),
  decisions: z.array(HitDecision),
});
export type SubjectRequestRecord = z.infer<typeof SubjectRequestRecord>;
