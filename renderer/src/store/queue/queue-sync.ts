// Keeps the renderer's copy of a large queue current with little traffic: deltas since the
// core's last answer, merged by id; a full read at start, after a removal, or when a delta fails.
import type { QueueRow } from '../../../../shared/views';
import type { DeskService } from '../../services/desk';
import { isAuthFailure, toDeskFailure } from '../../services/desk-error';

/** Rows the renderer re-reads on every refresh: what it holds or is waiting for. */
export function watchedIds(rows: readonly QueueRow[]): string[] {
  const ids: string[] = [];
  for (const r of rows) {
    if (r.pendingEvents > 0 || r.hasPersonalData || r.status === 'claimed' || r.status === 'claim_pending') ids.push(r.id);
    if (ids.length === 5_000) break;
  }
  return ids;
}

/** Replaces changed rows by id and appends new ones; the same array when nothing changed. */
export function mergeRows(current: readonly QueueRow[], changed: readonly QueueRow[]): QueueRow[] {
  if (changed.length === 0) return current as QueueRow[];
  const byId = new Map(changed.map((r) => [r.id, r]));
  const merged = current.map((r) => {
    const next = byId.get(r.id);
    if (next) byId.delete(r.id);
    return next ?? r;
  });
  for (const added of byId.values()) merged.push(added);
  return merged;
}

export interface QueueReader {
  /** The next rows, or the same array when nothing changed. Throws DeskErrors. */
  read(current: readonly QueueRow[]): Promise<QueueRow[]>;
  /** Forget the cursor (logout): the next read is a full one. */
  reset(): void;
}

export function createQueueReader(service: DeskService): QueueReader {
  let asOf: string | null = null;
  return {
    async read(current) {
      try {
        const delta = await service.queueChanges(asOf, asOf ? watchedIds(current) : undefined);
        let rows = delta.full ? delta.rows : mergeRows(current, delta.rows);
        asOf = delta.asOf;
        if (rows.length !== delta.total) {
          // Something left the queue (end-of-day sweep, erasure): read it whole.
          const full = await service.queueChanges(null);
          rows = full.rows;
          asOf = full.asOf;
        }
        return rows;
      } catch (error) {
        if (isAuthFailure(toDeskFailure(error))) throw error;
        // A failed delta must not leave a stale list: fall back to the whole queue.
        asOf = null;
        return service.listQueue({});
      }
    },
    reset() {
      asOf = null;
    },
  };
}
