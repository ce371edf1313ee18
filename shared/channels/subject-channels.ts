// Data subjects' requests (issue 17) at the officer's desk: read, mark, extend and record the
// identity check of a dpo case, search the backend for the person (the Find), and decide each hit.
// All of it lives at the backend; the desk asks for the dpo holding the case.
import { z } from 'zod';
import { HitDecision, HitDecisionInput, SubjectRequestChange, SubjectRequestRecord, SubjectSearchQuery, SubjectSearchResult } from '../subject-requests';
import { Uuid } from '../wire';
import { channel, RequestRef } from './channel';

export const SubjectChangeInput = z.strictObject({ requestId: Uuid, change: SubjectRequestChange });
export const SubjectSearchInput = z.strictObject({ requestId: Uuid, query: SubjectSearchQuery });
export const SubjectDecisionInput = HitDecisionInput.extend({ requestId: Uuid }).strict();

export const subjectChannels = {
  /** The case's marking with its free texts, searches and decisions; null while it is not marked. */
  'subject.read': channel(RequestRef, SubjectRequestRecord.nullable(), ['dpo']),
  'subject.change': channel(SubjectChangeInput, SubjectRequestRecord, ['dpo']),
  'subject.search': channel(SubjectSearchInput, SubjectSearchResult, ['dpo']),
  'subject.decide': channel(SubjectDecisionInput, HitDecision, ['dpo']),
} as const;
