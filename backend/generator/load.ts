// Stores a generated batch the way the website's forms and the SMS service would have: each
// request with its personal data, each SMS record, and their feed events in arrival order, in
// one transaction. Large batches go in slices so memory stays bounded.
import { randomUUID } from 'node:crypto';
import { type BackendDb, type Tx } from '../db/database';
import { bulkInsert } from '../db/bulk-insert';
import { appendFeed, type NewFeedEvent } from '../feed/append';
import { AUDIENCE, requestAudience } from '../feed/audience';
import { newReference } from '../lifecycle/reference';
import { queueEntryOf } from '../lifecycle/request-rows';
import { type GeneratedBatch } from './index';
import { callbackPayload, messagePayload } from './payload';

const SLICE = 20_000;
const REQUEST_COLUMNS = ['id', 'kind', 'received_at', 'reference', 'topic', 'preferred_date', 'window_from', 'window_to', 'salutation', 'name', 'phone', 'email', 'subject', 'message', 'note', 'status', 'attempts'] as const;
const SMS_COLUMNS = ['id', 'customer_number', 'sent_at', 'ip'] as const;

export interface LoadedCounts {
  requests: number;
  sms: number;
  portal: number;
  /** The stored requests' ids in arrival order: what the website's forms would have been answered with. */
  requestIds: string[];
}

export async function loadBatch(db: BackendDb, batch: GeneratedBatch): Promise<LoadedCounts> {
  return db.transaction((tx) => loadBatchInto(tx, batch));
}

/** The same inside a transaction the caller holds (the demo's seeding checks and loads in one). */
export async function loadBatchInto(tx: Tx, batch: GeneratedBatch): Promise<LoadedCounts> {
  const references = new Set<string>();
  const requestIds: string[] = [];
  for (let start = 0; start < batch.length; start += SLICE) await loadSlice(tx, batch, start, Math.min(batch.length, start + SLICE), references, requestIds);
  await loadPortal(tx, batch);
  batch.sms.clearRecords();
  return { requests: batch.requests.count, sms: batch.length - batch.requests.count, portal: batch.portal.length, requestIds };
}

async function loadSlice(tx: Tx, batch: GeneratedBatch, from: number, to: number, references: Set<string>, requestIds: string[]): Promise<void> {
  const requestRows: Record<string, unknown>[] = [];
  const smsRows: Record<string, unknown>[] = [];
  const events: NewFeedEvent[] = [];
  for (let k = from; k < to; k++) {
    const ref = batch.ref[k] ?? 0;
    if (batch.isSms[k]) {
      const sms = batch.sms;
      const id = randomUUID();
      const sentAt = new Date(sms.sentAt(ref));
      smsRows.push({ id, customer_number: sms.customers[sms.customerIndex(ref)], sent_at: sentAt.toISOString(), ip: sms.ips[sms.ipIndex(ref)] });
      events.push({ type: 'sms.logged', at: sentAt, audience: AUDIENCE.sms, data: {}, smsId: id });
      continue;
    }
    const row = batch.requests.row(ref);
    let reference = newReference();
    while (references.has(reference)) reference = newReference();
    references.add(reference);
    const receivedAt = new Date(row.receivedAt);
    const id = randomUUID();
    requestIds.push(id);
    const stored =
      row.kind === 'callback'
        ? (() => {
            const p = callbackPayload(row);
            return { topic: p.topic, preferred_date: p.preferredDate, window_from: p.preferredWindow.from, window_to: p.preferredWindow.to, salutation: p.salutation, name: p.name, phone: p.phone, note: p.note };
          })()
        : (() => {
            const p = messagePayload({ ...row, kind: row.kind });
            return { topic: p.category, salutation: p.salutation, name: p.name, email: p.email, subject: p.subject, message: p.message };
          })();
    requestRows.push({ id, kind: row.kind, received_at: receivedAt.toISOString(), reference, status: 'open', attempts: 0, ...stored });
    const entry = queueEntryOf({
      id,
      kind: row.kind,
      receivedAt,
      reference,
      topic: stored.topic,
      preferredDate: 'preferred_date' in stored ? stored.preferred_date : null,
      windowFrom: 'window_from' in stored ? stored.window_from : null,
      windowTo: 'window_to' in stored ? stored.window_to : null,
    });
    events.push({ type: 'request.queued', at: receivedAt, audience: requestAudience(row.kind), data: { request: entry } });
  }
  await bulkInsert(tx, 'requests', REQUEST_COLUMNS, requestRows);
  await bulkInsert(tx, 'sms_log', SMS_COLUMNS, smsRows);
  await appendFeed(tx, events);
}

async function loadPortal(tx: Tx, batch: GeneratedBatch): Promise<void> {
  const rows = batch.portal.map((r) => ({ id: randomUUID(), customer_number: r.customerNumber, at: new Date(r.atMs).toISOString(), ip: r.ip, action: r.action }));
  await bulkInsert(tx, 'portal_access', ['id', 'customer_number', 'at', 'ip', 'action'], rows);
  await appendFeed(tx, rows.map((r) => ({ type: 'portal.logged' as const, at: new Date(r.at), audience: AUDIENCE.portal, data: {}, portalId: r.id })));
}
