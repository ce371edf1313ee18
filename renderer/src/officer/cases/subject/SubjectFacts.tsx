// What every dpo workstation knows of a marked case (from the feed): type, deadline, extension,
// whether the person was told, how the identity was checked. Due and overdue stand out in words,
// not only in colour.
import type { OfficerCaseRow } from '../../../../../shared/officer-views';
import { IDENTITY_METHOD_LABELS, SUBJECT_REQUEST_LABELS } from '../../../../../shared/subject-labels';
import { formatLocalDate } from '../../../format/datetime';
import { DeadlineBadge } from './DeadlineBadge';

type Marking = NonNullable<OfficerCaseRow['subjectRequest']>;

export function SubjectFacts({ marking, state }: { marking: Marking; state: OfficerCaseRow['deadlineState'] }) {
  return (
    <dl className="facts" data-testid="subject-facts">
      <dt>Antrag</dt>
      <dd>{SUBJECT_REQUEST_LABELS[marking.type]}</dd>
      <dt>Frist</dt>
      <dd>
        {formatLocalDate(marking.deadline)}
        {!marking.extendedUntil && <DeadlineBadge state={state ?? null} />}
      </dd>
      {marking.extendedUntil && (
        <>
          <dt>Verlängert bis</dt>
          <dd data-testid="subject-extended">
            {formatLocalDate(marking.extendedUntil)}
            <DeadlineBadge state={state ?? null} />
            <span className="text-block">
              {marking.personInformedOn ? `Person informiert am ${formatLocalDate(marking.personInformedOn)}` : 'Person muss über die Verlängerung und ihre Gründe informiert werden.'}
            </span>
          </dd>
        </>
      )}
      <dt>Identität</dt>
      <dd>{marking.identityMethod ? IDENTITY_METHOD_LABELS[marking.identityMethod] : <span className="muted">noch nicht geprüft</span>}</dd>
    </dl>
  );
}
