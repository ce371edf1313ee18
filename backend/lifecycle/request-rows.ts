// A request row in the contract's shapes: the queue entry (no personal data) and the claim
// answer's request (with it).
import { type ClaimedRequest, type QueueEntry } from '../../shared/sync-api';
import { type requests } from '../db/schema';
import { wireInstant } from '../time';

export type RequestRow = typeof requests.$inferSelect;

export function queueEntryOf(row: Pick<RequestRow, 'id' | 'kind' | 'receivedAt' | 'reference' | 'topic' | 'preferredDate' | 'windowFrom' | 'windowTo'>): QueueEntry & { reference: string } {
  const base = { id: row.id, receivedAt: wireInstant(row.receivedAt), reference: row.reference };
  if (row.kind === 'callback') {
    return {
      ...base,
      kind: 'callback',
      summary: { preferredDate: row.preferredDate ?? '', preferredWindow: { from: row.windowFrom ?? '', to: row.windowTo ?? '' }, topic: row.topic },
    } as QueueEntry & { reference: string };
  }
  return { ...base, kind: row.kind, summary: { category: row.topic } } as QueueEntry & { reference: string };
}

export function claimedRequestOf(row: RequestRow): ClaimedRequest {
  const base = { id: row.id, receivedAt: wireInstant(row.receivedAt) };
  const salutation = (row.salutation ?? null) as ClaimedRequest['payload']['salutation'];
  if (row.kind === 'callback') {
    return {
      ...base,
      kind: 'callback',
      payload: {
        salutation,
        name: row.name ?? '',
        phone: row.phone ?? '',
        preferredDate: row.preferredDate ?? '',
        preferredWindow: { from: row.windowFrom ?? '', to: row.windowTo ?? '' },
        topic: row.topic,
        note: row.note,
      },
    } as ClaimedRequest;
  }
  return {
    ...base,
    kind: row.kind,
    payload: { salutation, name: row.name ?? '', email: row.email ?? '', category: row.topic, subject: row.subject ?? '', message: row.message ?? '' },
  } as ClaimedRequest;
}

/** The columns that hold personal data: set to NULL when the data goes, leaving a tombstone. */
export const PERSONAL_DATA_GONE = {
  salutation: null,
  name: null,
  phone: null,
  email: null,
  subject: null,
  message: null,
  note: null,
  consentNoticeVersion: null,
  consentAt: null,
  retentionNote: null,
} as const;
