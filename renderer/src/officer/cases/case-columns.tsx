// The officer's case list in the kit's table: kind, subject (only where this workstation holds the
// case), receipt, answer deadline (with a data subject's request type, extension, due/overdue), status, owner. Sorted in the browser; labels are German.
import type { OfficerCaseRow } from '../../../../shared/officer-views';
import { formatDateTimeCompact, formatLocalDate } from '../../format/datetime';
import { KIND_LABELS, ownerLabel, STATUS_LABELS } from '../../format/labels';
import { deskColumnHelper } from '../../ui/table/table-features';
import { SUBJECT_REQUEST_LABELS } from '../../../../shared/subject-labels';
import { DeadlineBadge } from './subject/DeadlineBadge';

const helper = deskColumnHelper<OfficerCaseRow>();

export const caseColumns = helper.columns([
  helper.accessor((row) => KIND_LABELS[row.kind], { id: 'kind', header: 'Art' }),
  helper.accessor((row) => row.subject ?? '', {
    id: 'subject',
    header: 'Betreff',
    cell: (info) => info.getValue() || <span className="muted">erst nach Übernahme</span>,
    meta: { className: 'col-subject' },
  }),
  helper.accessor('receivedAt', {
    id: 'received',
    header: 'Eingang',
    cell: (info) => formatDateTimeCompact(info.getValue()),
    sortDescFirst: true,
    meta: { className: 'col-date' },
  }),
  helper.accessor((row) => row.answerBy ?? '9999', {
    id: 'answerBy',
    header: 'Antwort bis',
    cell: (info) => <AnswerBy row={info.row.original} />,
    meta: { className: 'col-date' },
  }),
  helper.accessor((row) => STATUS_LABELS[row.status], {
    id: 'status',
    header: 'Status',
    cell: (info) => <span className={`badge badge-${info.row.original.status}`}>{info.getValue()}</span>,
  }),
  helper.accessor((row) => ownerLabel(row.owner), { id: 'owner', header: 'Bearbeitung' }),
]);

/** The deadline; for a marked data subject's request also its type, the extension, and due or overdue. */
function AnswerBy({ row }: { row: OfficerCaseRow }) {
  if (!row.answerBy) return <>–</>;
  const marking = row.subjectRequest;
  return (
    <span data-testid="answer-by">
      {formatLocalDate(row.answerBy)}
      {marking?.extendedUntil && <span className="muted"> (verlängert)</span>}
      <DeadlineBadge state={row.deadlineState ?? null} />
      {marking && <span className="answer-by-type muted">{SUBJECT_REQUEST_LABELS[marking.type]}</span>}
    </span>
  );
}

/** The list's search: kind, subject, status and owner, case-insensitive. */
export function matchesCaseSearch(row: OfficerCaseRow, search: string): boolean {
  const words = search.trim().toLocaleLowerCase('de').split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const deadline = row.deadlineState === 'overdue' ? 'überfällig' : row.deadlineState === 'due' ? 'fällig' : '';
  const marking = row.subjectRequest ? SUBJECT_REQUEST_LABELS[row.subjectRequest.type] : '';
  const text = [KIND_LABELS[row.kind], row.subject ?? '', STATUS_LABELS[row.status], ownerLabel(row.owner), deadline, marking].join(' ').toLocaleLowerCase('de');
  return words.every((w) => text.includes(w));
}
