import { describe, expect, it } from 'vitest';
import type { QueueChanges } from '../../../../shared/views';
import { createDeskService } from '../../services/desk';
import { createFakeDeskApi, deskError, ID_A, ID_B, queueRow } from '../../testing/fake-desk-api';
import { createQueueReader, mergeRows, watchedIds } from './queue-sync';

const changes = (rows: QueueChanges['rows'], total: number, full = false): QueueChanges => ({ rows, total, asOf: '2025-03-12T09:00:00.000Z', full });

describe('incremental queue reads in the renderer', () => {
  it('merges by id, appends new rows, and keeps the same array when nothing changed', () => {
    const current = [queueRow(), queueRow({ id: ID_B })];
    expect(mergeRows(current, [])).toBe(current);
    const merged = mergeRows(current, [queueRow({ id: ID_B, status: 'closed' }), queueRow({ id: 'new' })]);
    expect(merged.map((r) => [r.id, r.status])).toEqual([
      [ID_A, 'open'],
      [ID_B, 'closed'],
      ['new', 'open'],
    ]);
  });

  it('watches what the workstation holds or waits for', () => {
    const rows = [queueRow({ hasPersonalData: false }), queueRow({ id: ID_B, hasPersonalData: false, pendingEvents: 1 }), queueRow({ id: 'c', status: 'claimed', hasPersonalData: false })];
    expect(watchedIds(rows)).toEqual([ID_B, 'c']);
  });

  it('reads everything again when the total shows a removal', async () => {
    const api = createFakeDeskApi({
      'queue.changes': ({ since }) => (since === null ? changes([queueRow({ id: ID_B })], 1, true) : changes([], 1)),
    });
    const reader = createQueueReader(createDeskService(api));
    const rows = await reader.read([queueRow(), queueRow({ id: ID_B })]);
    expect(rows.map((r) => r.id)).toEqual([ID_B]);
    expect(api.calls).toHaveLength(1); // first read is full already
    await reader.read([queueRow(), queueRow({ id: ID_B })]);
    expect(api.calls.map((c) => (c.input as { since: string | null }).since)).toEqual([null, '2025-03-12T09:00:00.000Z', null]);
  });

  it('falls back to the whole list when a delta fails, but passes a lost session on', async () => {
    let expired = false;
    const api = createFakeDeskApi({
      'queue.changes': () => {
        throw deskError(expired ? 'session_expired' : 'internal', 'kaputt');
      },
      'queue.list': () => [queueRow()],
    });
    const reader = createQueueReader(createDeskService(api));
    expect((await reader.read([])).map((r) => r.id)).toEqual([ID_A]);
    expired = true;
    await expect(reader.read([])).rejects.toMatchObject({ code: 'session_expired' });
  });
});
