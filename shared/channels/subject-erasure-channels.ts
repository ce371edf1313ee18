// The Löschung of a data subject's request (issue 17) at the officer's desk: its plan or its
// progress, executing it once she confirmed, and the Löschbestätigung with the proof for the file.
import { z } from 'zod';
import { ErasureConfirmationExport, SubjectErasureView } from '../subject-erasure';
import { Uuid } from '../wire';
import { channel, RequestRef } from './channel';

export const SubjectEraseInput = z.strictObject({ requestId: Uuid, confirm: z.literal(true, { error: 'Bitte die Löschung ausdrücklich bestätigen.' }) });

export const subjectErasureChannels = {
  /** The plan (what goes, what stays and why) before, the erasure with its receipts per workstation after. */
  'subject.erasure': channel(RequestRef, SubjectErasureView, ['dpo']),
  'subject.erase': channel(SubjectEraseInput, SubjectErasureView, ['dpo']),
  /** Once every receipt is in (or its workstation retired): the letter (PDF) and the proof (JSON), no erased data in either. */
  'subject.confirmation': channel(RequestRef, ErasureConfirmationExport, ['dpo']),
} as const;
