// The disclosure register at the backend (issue 16): a data-protection officer records that SMS
// records go to an authority, a different person with the supervisor role approves or rejects,
// and every workstation of dpo and supervisors sees the register through the feed
// (`disclosure.updated`). The register names the records by id only: their values stay in the
// SMS log, and the export is written on the requesting officer's workstation from its copy.
import { z } from 'zod';
import { Instant, Uuid } from './wire';

export const DISCLOSURE_MAX_RECORDS = 1000;
/**
 * The exported folder (the handover package with the disclosed SMS values) is deleted this many
 * days after the first export: long enough to hand it over and answer the authority's questions,
 * short enough that the values do not outlive the log's own 90 days by much. The manifest's hash
 * stays in the register as the proof of what was handed over.
 */
export const DISCLOSURE_EXPORT_DAYS = 30;
export const BACKEND_DISCLOSURE_STATUSES = ['requested', 'approved', 'rejected'] as const;
export const BackendDisclosureStatus = z.enum(BACKEND_DISCLOSURE_STATUSES);
export type BackendDisclosureStatus = z.infer<typeof BackendDisclosureStatus>;

const DisclosureActor = z.object({ userId: z.string().min(1), displayName: z.string().min(1) });

export const DisclosureRequest = z.strictObject({
  /** Chosen by the workstation, so a request sent again after a lost answer creates nothing new. */
  id: Uuid,
  caseRef: z.string().trim().min(3, 'Fallnummer fehlt').max(100),
  authority: z.string().trim().min(3, 'Behörde fehlt').max(200),
  authorityRef: z.string().trim().min(2, 'Aktenzeichen der Behörde fehlt').max(100),
  legalBasis: z.string().trim().min(3, 'Rechtsgrundlage fehlt').max(300),
  smsIds: z
    .array(Uuid)
    .min(1)
    .max(DISCLOSURE_MAX_RECORDS)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'Ein Datensatz ist doppelt' }),
});
export type DisclosureRequest = z.infer<typeof DisclosureRequest>;

export const DisclosureDecision = z
  .strictObject({
    decision: z.enum(['approve', 'reject']),
    note: z.string().trim().max(1000).optional(),
  })
  .refine((d) => d.decision === 'approve' || (d.note?.length ?? 0) >= 3, { message: 'A rejection needs a note (at least 3 characters).', path: ['note'] });
export type DisclosureDecision = z.infer<typeof DisclosureDecision>;

export const BackendDisclosure = z.object({
  id: Uuid,
  caseRef: z.string(),
  authority: z.string(),
  authorityRef: z.string(),
  legalBasis: z.string(),
  smsIds: z.array(Uuid).max(DISCLOSURE_MAX_RECORDS),
  status: BackendDisclosureStatus,
  requestedBy: DisclosureActor,
  requestedAt: Instant,
  decidedBy: DisclosureActor.nullable(),
  decidedAt: Instant.nullable(),
  decisionNote: z.string().nullable(),
});
export type BackendDisclosure = z.infer<typeof BackendDisclosure>;
