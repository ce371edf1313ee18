// The officers' desk: confidential cases (dpo, equality) with internal notes, and disclosures of
// SMS records to authorities. Claim, release and close of a case go through the queue channels;
// the core checks there too that only the kind's own officer may work it.
import { z } from 'zod';
import { DisclosureDetail, DisclosureEntry, DisclosureExport, OfficerCase, OfficerCaseRow } from '../officer-views';
import { LocalDate, Uuid } from '../wire';
import { channel, None, RequestRef } from './channel';

export const OFFICERS = ['dpo', 'equality'] as const;

export const OfficerCasesInput = z.object({ includeClosed: z.boolean().optional() }).strict();

export const CaseNoteInput = z
  .object({
    requestId: Uuid,
    text: z.string().trim().min(1, 'Die Notiz ist leer').max(5000, 'Höchstens 5000 Zeichen'),
  })
  .strict();

/** A note's author corrects it while the case is open; the same limits as a new note. */
export const CaseNoteEditInput = z
  .object({
    requestId: Uuid,
    noteId: Uuid,
    text: z.string().trim().min(1, 'Die Notiz ist leer').max(5000, 'Höchstens 5000 Zeichen'),
  })
  .strict();

export const DisclosureRef = z.object({ disclosureId: Uuid }).strict();

export const DisclosureInput = z
  .object({
    caseRef: z.string().trim().min(3, 'Fallnummer fehlt').max(100),
    smsIds: z
      .array(z.string().min(1).max(100))
      .min(1, 'Mindestens einen SMS-Datensatz auswählen')
      .max(1000, 'Höchstens 1000 Datensätze je Offenlegung')
      .refine((ids) => new Set(ids).size === ids.length, { message: 'Ein Datensatz ist doppelt ausgewählt' }),
    authority: z.string().trim().min(3, 'Behörde fehlt').max(200),
    authorityRef: z.string().trim().min(2, 'Aktenzeichen der Behörde fehlt').max(100),
    legalBasis: z.string().trim().min(3, 'Rechtsgrundlage fehlt').max(300),
  })
  .strict();

export const DisclosureDecisionInput = z
  .object({
    disclosureId: Uuid,
    decision: z.enum(['approved', 'rejected']),
    note: z.string().trim().max(1000).optional(),
  })
  .strict()
  .refine((d) => d.decision === 'approved' || (d.note?.length ?? 0) >= 3, { message: 'Eine Ablehnung braucht eine Begründung' });

export const DisclosureHoldInput = z
  .object({
    disclosureId: Uuid,
    until: LocalDate,
    note: z.string().trim().min(3, 'Begründung fehlt').max(300),
  })
  .strict();

export const officerChannels = {
  'officer.cases': channel(OfficerCasesInput, z.array(OfficerCaseRow), OFFICERS),
  'officer.case': channel(RequestRef, OfficerCase, OFFICERS),
  'officer.addNote': channel(CaseNoteInput, OfficerCase, OFFICERS),
  'officer.editNote': channel(CaseNoteEditInput, OfficerCase, OFFICERS),
  'disclosure.create': channel(DisclosureInput, DisclosureEntry, ['dpo']),
  'disclosure.list': channel(None, z.array(DisclosureEntry), ['dpo', 'supervisor']),
  'disclosure.detail': channel(DisclosureRef, DisclosureDetail, ['dpo', 'supervisor']),
  'disclosure.decide': channel(DisclosureDecisionInput, DisclosureEntry, ['supervisor']),
  'disclosure.export': channel(DisclosureRef, DisclosureExport, ['dpo', 'supervisor']),
  /** Legal holds for the customers of an approved disclosure; a supervisor confirms them in the retention screens. */
  'disclosure.hold': channel(DisclosureHoldInput, z.object({ holdIds: z.array(z.string()) }), ['dpo']),
} as const;
