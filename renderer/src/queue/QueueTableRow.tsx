// One row of the queue table. Memoised: while scrolling a virtualised queue, or when a live
// update changes a few entries, rows whose entry and selection did not change are not redrawn.
import { memo, type ComponentType } from 'react';
import type { Cell, Row } from '@tanstack/react-table';
import type { QueueRow } from '../../../shared/views';
import { formatDateTime } from '../format/datetime';
import { KIND_LABELS, TOPIC_LABELS } from '../format/labels';
import type { queueFeatures } from './queue-table';

type Features = typeof queueFeatures;

interface Props {
  row: Row<Features, QueueRow>;
  index: number;
  selected: boolean;
  select: (id: string) => Promise<void>;
  FlexRender: ComponentType<{ cell: Cell<Features, QueueRow, unknown> }>;
}

export const QueueTableRow = memo(function QueueTableRow({ row, index, selected, select, FlexRender }: Props) {
  const request = row.original;
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
      {row.getAllCells().map((cell) => (
        <td key={cell.id} className={cell.column.columnDef.meta?.className}>
          {cell.column.id === 'status' ? (
            <>
              <span className={`badge badge-${request.status}`}>
                <FlexRender cell={cell} />
              </span>
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
          ) : cell.column.id === 'dueState' && request.due ? (
            <span className={`due due-${request.due}`}>
              <FlexRender cell={cell} />
            </span>
          ) : (
            <FlexRender cell={cell} />
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
