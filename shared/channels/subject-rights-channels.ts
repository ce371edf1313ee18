// Issue 17 part 5 at the officer's desk: Berichtigung, Einschränkung and Widerspruch on a dpo case
// marked with the matching type. All of it is decided and kept at the backend; only the dpo
// holding the case asks.
import { z } from 'zod';
import { Objection, ObjectionInput, Rectification, RectificationInput, Restriction, RestrictionInput, RestrictionLift, SubjectRightsRecord } from '../subject-rights';
import { Uuid } from '../wire';
import { channel, RequestRef } from './channel';

export const SubjectRectifyInput = RectificationInput.extend({ requestId: Uuid }).strict();
export const SubjectRestrictInput = RestrictionInput.extend({ requestId: Uuid }).strict();
export const SubjectLiftInput = RestrictionLift.extend({ requestId: Uuid, restrictionId: Uuid }).strict();
export const SubjectObjectInput = z.strictObject({ requestId: Uuid, objection: ObjectionInput });

export const subjectRightsChannels = {
  /** What was corrected, restricted and objected to on this case (no old values exist anywhere). */
  'subject.rights': channel(RequestRef, SubjectRightsRecord, ['dpo']),
  'subject.rectify': channel(SubjectRectifyInput, Rectification, ['dpo']),
  'subject.restrict': channel(SubjectRestrictInput, z.array(Restriction), ['dpo']),
  'subject.lift': channel(SubjectLiftInput, Restriction, ['dpo']),
  'subject.object': channel(SubjectObjectInput, Objection, ['dpo']),
} as const;
