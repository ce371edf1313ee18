// One row of the queue table. Memoised: while scrolling a virtualised queue, or when a live
// update changes a few entries, rows whose entry and selection did not change are not redrawn.
// The cells' text comes straight from queueCellText, without the table's per-cell objects.
import { memo } from 'react';
import type { QueueRow } from '../../../shared/views';
import { formatDateTime } from '../format/datetime';
import { KIND_LABELS, TOPIC_LABELS } from '../format/labels';
import { queueCellText, queueColumns, type QueueColumnId } from './queue-table';

interface Props {
  request: QueueRow;
  index: number;
  selected: boolean;
  select: (id: string) => Promise<void>;
}

/** The columns in table order, with their cell class. */
const CELLS = queueColumns.map((column) => ({ id: column.id as QueueColumnId, className: column.meta?.className }));

export const QueueTableRow = memo(function QueueTableRow({ request, index, selected, select }: Props) {
  return (
    <tr
      data-testid={`queue-row-${request.id}`}
      data-status={request.status}
      data-kind={request.kind}
      data-due={request.due ?? undefined}
      data-index={index}
      aria-rowindex={index + 2}
      aria-current={selected ? 'true' : undefined}
      className={selected ? 'row-selected' : undefined}
      onClick={() => void select(request.id)}
    >
      {CELLS.map(({ id, className }) => (
        <td key={id} className={className}>
          {id === 'status' ? (
            <>
              <span className={`badge badge-${request.status}`}>{queueCellText.status(request)}</span>
              {request.restricted && (
                <span className="badge badge-restricted" data-testid="row-restricted" title="Eingeschränkt (Art. 18 DSGVO): nur gespeichert, keine Bearbeitung">
                  eingeschränkt
                </span>
              )}
              {request.pendingEvents > 0 && request.status !== 'claim_pending' && (
                <span className="badge badge-pending" data-testid="row-pending">
                  ausstehend
                </span>
              )}
            </>
          ) : id === 'dueState' && request.due ? (
            <span className={`due due-${request.due}`}>{queueCellText.dueState(request)}</span>
          ) : (
            queueCellText[id](request)
          )}
        </td>
      ))}
      <td className="col-action">
        <button
          type="button"
          className="button-link"
          aria-label={detailsLabel(request)}
          onClick={(event) => {
            event.stopPropagation();
            void select(request.id);
          }}
        >
          Details
        </button>
      </td>
    </tr>
  );
});

/** Names the row without repeating column titles, so "Eingang" etc. stay unique button names. */
function detailsLabel(request: QueueRow): string {
  return `Details zu ${KIND_LABELS[request.kind]} vom ${formatDateTime(request.receivedAt)}, ${TOPIC_LABELS[request.topic]}`;
}
