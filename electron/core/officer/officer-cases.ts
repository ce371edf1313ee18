// Confidential cases: a `dpo` case only for the data-protection officer, an `equality` case only
// for the equal-treatment officer. Reading and listing build on the queue's views; this file
// adds the officers' own gate (no other role, not even a supervisor, gets through here) and
// the internal notes.
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { kindsWorkableBy, type RequestKind, type Role } from '../../../shared/domain';
import type { CaseNote, OfficerCase, OfficerCaseRow } from '../../../shared/officer-views';
import { appendAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { caseNotes, subjectRequests } from '../db/officer-schema';
import { personalData, requests } from '../db/schema';
import { DeskError } from '../desk-error';
import { listQueue, requestDetail } from '../queue/queue-view';
import { berlinDate } from '../time/berlin';
import { deadlineState, subjectDeadline } from '../../../shared/subject-deadline';
import type { IdentityMethod, SubjectRequestType } from '../../../shared/subject-requests';

export const OFFICER_KINDS = ['dpo', 'equality'] as const satisfies readonly RequestKind[];

export interface Officer {
  userId: string;
  displayName: string;
  roles: readonly Role[];
  workstation: string;
}

/** The officer kinds these roles may work: `dpo` for dpo, `equality` for equality, none for anyone else. */
export function officerKinds(roles: readonly Role[]): RequestKind[] {
  return kindsWorkableBy(roles).filter((k) => (OFFICER_KINDS as readonly string[]).includes(k));
}

export function listOfficerCases(db: DeskDb, officer: Officer, includeClosed: boolean, now: Date): OfficerCaseRow[] {
  const kinds = officerKinds(officer.roles);
  if (kinds.length === 0) throw forbidden();
  const statuses = includeClosed ? undefined : (['open', 'claim_pending', 'claimed', 'claimed_elsewhere'] as const);
  const rows = listQueue(db, officer, { kinds, ...(statuses ? { statuses: [...statuses] } : {}) }, now);
  // Subjects only of cases this workstation holds for this officer (listQueue's hasPersonalData).
  const subjects = new Map(
    db
      .select({ id: personalData.requestId, subject: personalData.subject })
      .from(personalData)
      .all()
      .map((p) => [p.id, p.subject]),
  );
  const marked = new Map(
    db
      .select()
      .from(subjectRequests)
      .all()
      .map((m) => [m.requestId, m]),
  );
  const today = berlinDate(now);
  return rows.map((row) => {
    const mark = marked.get(row.id);
    // Art. 12(3) GDPR: a data-subject request is answered within one month of receipt (Regulation
    // 1182/71 for month ends), or by the extended date the backend recorded.
    const answerBy = mark ? (mark.extendedUntil ?? mark.deadline) : row.kind === 'dpo' ? subjectDeadline(berlinDate(new Date(row.receivedAt))) : null;
    const finished = row.status === 'closed';
    return {
      ...row,
      subject: row.hasPersonalData && row.owner?.mine ? (subjects.get(row.id) ?? null) : null,
      answerBy,
      subjectRequest: mark
        ? { type: mark.type as SubjectRequestType, deadline: mark.deadline, extendedUntil: mark.extendedUntil, personInformedOn: mark.personInformedOn, identityMethod: mark.identityMethod as IdentityMethod | null }
        : null,
      deadlineState: answerBy && !finished ? deadlineState(answerBy, today) : null,
    };
  });
}

/** Throws unless the request exists and is a case of the caller's own office. */
export function ownCaseKind(db: DeskDb, officer: Pick<Officer, 'roles'>, requestId: string): RequestKind {
  const row = db.select({ kind: requests.kind }).from(requests).where(eq(requests.id, requestId)).get();
  if (!row) throw new DeskError('not_found', 'Der Vorgang ist nicht (mehr) vorhanden.');
  if (!officerKinds(officer.roles).includes(row.kind)) throw forbidden();
  return row.kind;
}

export function readOfficerCase(db: DeskDb, officer: Officer, requestId: string, now: Date): OfficerCase {
  ownCaseKind(db, officer, requestId);
  const detail = requestDetail(db, officer, requestId, now);
  return { detail, notes: detail.personal ? notesOf(db, officer, requestId) : [] };
}

/** Notes need the case claimed here by this officer: they live and die with its personal data. */
export function addCaseNote(db: DeskDb, clock: Clock, officer: Officer, requestId: string, text: string): OfficerCase {
  ownCaseKind(db, officer, requestId);
  db.transaction(() => {
    assertHeldHere(db, officer, requestId);
    db.insert(caseNotes)
      .values({ id: randomUUID(), requestId, text, authorId: officer.userId, authorName: officer.displayName, createdAt: clock().toISOString() })
      .run();
    // The note is personal data: the audit entry says that one was written, not what.
    appendAudit(db, clock, { actor: officer.userId, action: 'case.note', subject: requestId });
  });
  return readOfficerCase(db, officer, requestId, clock());
}

/** Only a note's author corrects it, and only while the case is claimed here (the note lives with its data). */
export function editCaseNote(db: DeskDb, clock: Clock, officer: Officer, input: { requestId: string; noteId: string; text: string }): OfficerCase {
  ownCaseKind(db, officer, input.requestId);
  db.transaction(() => {
    assertHeldHere(db, officer, input.requestId);
    const note = db.select().from(caseNotes).where(and(eq(caseNotes.id, input.noteId), eq(caseNotes.requestId, input.requestId))).get();
    if (!note) throw new DeskError('not_found', 'Die Notiz ist nicht (mehr) vorhanden.');
    if (note.authorId !== officer.userId) throw new DeskError('forbidden', 'Eine Notiz ändert nur, wer sie geschrieben hat.');
    db.update(caseNotes).set({ text: input.text }).where(eq(caseNotes.id, input.noteId)).run();
    appendAudit(db, clock, { actor: officer.userId, action: 'case.note.edit', subject: input.requestId });
  });
  return readOfficerCase(db, officer, input.requestId, clock());
}

function assertHeldHere(db: DeskDb, officer: Officer, requestId: string): void {
  const row = db
    .select({ status: requests.status, owner: requests.ownerUserId, workstation: requests.ownerWorkstation, held: personalData.requestId })
    .from(requests)
    .leftJoin(personalData, eq(personalData.requestId, requests.id))
    .where(eq(requests.id, requestId))
    .get();
  const mine = row?.status === 'claimed' && row.owner === officer.userId && row.workstation === officer.workstation && row.held !== null;
  if (!mine) throw new DeskError('conflict', 'Notizen nur zu einem Vorgang, den Sie hier übernommen haben.');
}

function notesOf(db: DeskDb, officer: Officer, requestId: string): CaseNote[] {
  return db
    .select()
    .from(caseNotes)
    .where(and(eq(caseNotes.requestId, requestId)))
    .orderBy(asc(caseNotes.createdAt))
    .all()
    .map((n) => ({ id: n.id, text: n.text, author: n.authorName, createdAt: n.createdAt, mine: n.authorId === officer.userId }));
}

function forbidden(): DeskError {
  return new DeskError('forbidden', 'Vertrauliche Fälle sehen nur die zuständigen Beauftragten.');
}
