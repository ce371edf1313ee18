// Löschung (issue 17, Art. 17 GDPR): the officer erases what she included among the Find's hits.
// Requests, SMS and portal records go at the backend; every workstation that held a copy purges it
// and proves so with a receipt. What a confirmed hold or a running retention keeps is listed with
// its reason and last day instead. Nothing here carries personal data: sources, ids, reasons, dates,
// counts and workstations only, so the record stays with the case after the data went.
import { z } from 'zod';
import { RetentionReason } from './domain';
import { Instant, LocalDate, Uuid } from './wire';

export const ERASURE_SOURCES = ['request', 'sms', 'portal'] as const;
export const ErasureSource = z.enum(ERASURE_SOURCES);
export type ErasureSource = z.infer<typeof ErasureSource>;

/** Why an included hit stays: a confirmed legal hold, a retention of the case, or it is this very case. */
export const KEPT_REASONS = ['hold', ...RetentionReason.options, 'this_case'] as const;
export const KeptReason = z.enum(KEPT_REASONS);
export type KeptReason = z.infer<typeof KeptReason>;

export const ErasureItem = z.object({ source: ErasureSource, id: Uuid, at: Instant });
export type ErasureItem = z.infer<typeof ErasureItem>;
export const KeptItem = ErasureItem.extend({ reason: KeptReason, until: LocalDate.nullable() });
export type KeptItem = z.infer<typeof KeptItem>;

/** What "Löschung ausführen" would do now: the officer confirms this list. */
export const ErasurePlan = z.object({ erase: z.array(ErasureItem), keep: z.array(KeptItem) });
export type ErasurePlan = z.infer<typeof ErasurePlan>;

export const ErasureCounts = z.object({ request: z.number().int().min(0), sms: z.number().int().min(0), portal: z.number().int().min(0) });
export type ErasureCounts = z.infer<typeof ErasureCounts>;

/** One workstation that held a copy: its receipts are in, it was retired first, or it is awaited. */
export const ErasureReceiptState = z.object({
  workstation: Uuid,
  status: z.enum(['received', 'retired', 'awaiting']),
  /** The last receipt's purgedAt, or the day of retirement. */
  at: Instant.nullable(),
  owed: z.number().int().min(0),
  received: z.number().int().min(0),
});
export type ErasureReceiptState = z.infer<typeof ErasureReceiptState>;

export const SubjectErasure = z.object({
  erasureId: Uuid,
  requestId: Uuid,
  at: Instant,
  by: z.object({ userId: z.string().min(1), displayName: z.string().min(1) }),
  counts: ErasureCounts,
  erased: z.array(ErasureItem),
  kept: z.array(KeptItem),
  workstations: z.array(ErasureReceiptState),
  /** Workstations whose receipts are still missing: the case cannot close while this is above 0. */
  awaiting: z.number().int().min(0),
});
export type SubjectErasure = z.infer<typeof SubjectErasure>;

/** `GET …/subject-request/erasure`: the erasure done, or else the plan of one. */
export const SubjectErasureView = z.object({ erasure: SubjectErasure.nullable(), plan: ErasurePlan.nullable() });
export type SubjectErasureView = z.infer<typeof SubjectErasureView>;

/** `POST …/subject-request/erasure`: the officer saw the plan and confirms it. */
export const ErasureConfirmation = z.strictObject({ confirm: z.literal(true, { error: 'Bitte die Löschung ausdrücklich bestätigen.' }) });

export const ERASURE_LOGS = ['sms', 'portal'] as const;
export const ErasureLog = z.enum(ERASURE_LOGS);
export type ErasureLog = z.infer<typeof ErasureLog>;

/** German names of the erased sources and the kept reasons, for the letter, the proof and the screen. */
export const ERASURE_SOURCE_LABELS: Record<ErasureSource, string> = {
  request: 'Anfragen und Vorgänge im Servicecenter',
  sms: 'Einträge im Protokoll des Frei-SMS-Dienstes',
  portal: 'Einträge im Zugriffsprotokoll des Online-Kundencenters',
};
export const KEPT_REASON_LABELS: Record<KeptReason, string> = {
  hold: 'gesperrt wegen eines behördlichen Ersuchens (Art. 17 Abs. 3 lit. e DSGVO)',
  proof: 'aufbewahrt als Nachweis (Art. 17 Abs. 3 lit. e DSGVO)',
  customer_care: 'aufbewahrt für die laufende Kundenbetreuung (Art. 17 Abs. 3 lit. b DSGVO)',
  statutory: 'gesetzliche Aufbewahrungspflicht (Art. 17 Abs. 3 lit. b DSGVO)',
  this_case: 'Ihr Antrag selbst, als Nachweis seiner Bearbeitung (Art. 5 Abs. 2 DSGVO)',
};

/** The Löschbestätigung and the proof for the file, written into the desk's private folder. */
export const ErasureConfirmationExport = z.object({
  dir: z.string(),
  files: z.array(z.object({ name: z.string(), path: z.string(), bytes: z.number().int(), sha256: z.string() })),
  manifestSha256: z.string(),
});
export type ErasureConfirmationExport = z.infer<typeof ErasureConfirmationExport>;
