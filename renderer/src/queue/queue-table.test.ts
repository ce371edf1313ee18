import { constructTable } from '@tanstack/react-table';
// Outside React the table needs core's store bindings (useTable brings React's own).
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings';
import { describe, expect, it } from 'vitest';
import type { QueueRow } from '../../../shared/views';
import { queueRow } from '../testing/fake-desk-api';
import { QUEUE_SORT_COLUMNS } from '../../../shared/queue-window';
import { ariaSort, getQueueRowId, queueCellText, queueColumns, queueFeatures, type QueueColumnId } from './queue-table';

const features = { ...queueFeatures, coreReactivityFeature: storeReactivityBindings() };

const ROWS: QueueRow[] = [
  queueRow({ id: 'late', dueFrom: '2025-03-13T08:00:00Z', topic: 'outage', status: 'claimed', attempts: 2, receivedAt: '2025-03-10T07:00:00Z' }),
  queueRow({ id: 'none', dueFrom: null, preferredDate: null, preferredWindow: null, topic: 'billing', receivedAt: '2025-03-11T07:00:00Z' }),
  queueRow({ id: 'soon', dueFrom: '2025-03-12T08:00:00Z', topic: 'move', status: 'closed', receivedAt: '2025-03-09T07:00:00Z' }),
  queueRow({ id: 'mid', dueFrom: '2025-03-12T12:00:00Z', topic: 'contract', receivedAt: '2025-03-08T07:00:00Z' }),
];

function firstSortDirections(): Record<string, string> {
  const table = constructTable({ features, columns: queueColumns, data: ROWS, getRowId: getQueueRowId, sortDescFirst: false });
  return Object.fromEntries(table.getAllLeafColumns().map((c) => [c.id, c.getFirstSortDir()]));
}

function cellText(rowId: string, columnId: string): unknown {
  const table = constructTable({ features, columns: queueColumns, data: ROWS, getRowId: getQueueRowId });
  const cell = table
    .getRow(rowId)
    .getAllCells()
    .find((c) => c.column.id === columnId)!;
  const render = cell.column.columnDef.cell;
  return typeof render === 'function' ? render(cell.getContext()) : cell.getValue();
}

describe('queue table model', () => {
  it('has a column for every sort the core offers, under the same ids', () => {
    expect(queueColumns.map((c) => c.id)).toEqual([...QUEUE_SORT_COLUMNS]);
  });

  it('sorts ascending on first click, except newest-first for Eingang', () => {
    expect(firstSortDirections()).toEqual({
      kind: 'asc',
      received: 'desc',
      due: 'asc',
      topic: 'asc',
      status: 'asc',
      owner: 'asc',
      attempts: 'asc',
      dueState: 'asc',
    });
  });

  it('renders German cell text', () => {
    expect(cellText('soon', 'kind')).toBe('Rückruf');
    expect(cellText('soon', 'status')).toBe('Abgeschlossen');
    expect(cellText('mid', 'due')).toBe('Mi., 12.03., 10:00–12:00');
    expect(cellText('mid', 'received')).toBe('08.03.25, 08:00');
    expect(cellText('none', 'due')).toBe('–');
  });

  it('the rows draw each cell with the same text as the table model (queueCellText)', () => {
    for (const row of ROWS) {
      for (const column of queueColumns) {
        const id = column.id as QueueColumnId;
        expect(queueCellText[id](row)).toBe(String(cellText(row.id, id)));
      }
    }
  });

  it('has the agreed column headers', () => {
    expect(queueColumns.map((c) => c.header)).toEqual(['Art', 'Eingang', 'Wunschtermin', 'Thema', 'Status', 'Bearbeiter', 'Versuche', 'Fälligkeit']);
  });

  it('maps sort state to aria-sort', () => {
    expect(ariaSort('asc')).toBe('ascending');
    expect(ariaSort('desc')).toBe('descending');
    expect(ariaSort(false)).toBeUndefined();
  });
});
