// Stores a call's worth of SMS or portal-access records, atomically: every record is checked
// first (schema, time not in the future, a known id only with the same content), and one
// invalid record stores nothing. Records past their 90-day retention are not stored at all.
import { inArray } from 'drizzle-orm';
import { berlinWallShift } from '../../shared/berlin-wall-shift';
import { PORTAL_RETENTION_DAYS, SMS_RETENTION_DAYS } from '../../shared/domain';
import { PortalIngestRecord, SmsIngestRecord, type IngestResponse, type InvalidRecord } from '../../shared/ingest';
import { type PortalAccess, type SmsRecord } from '../../shared/sync-api';
import { type BackendDb } from '../db/database';
import { bulkInsert } from '../db/bulk-insert';
import { portalAccess, smsLog } from '../db/schema';
import { appendFeed } from '../feed/append';
import { AUDIENCE } from '../feed/audience';

/** A log's clock may run a little ahead of ours: this much "future" is still now. */
export const INGEST_CLOCK_SKEW_MS = 5 * 60_000;

export type IngestOutcome = { ok: true; counts: IngestResponse } | { ok: false; invalid: InvalidRecord[] };

interface LogKind<T> {
  schema: typeof SmsIngestRecord | typeof PortalIngestRecord;
  time: (r: T) => string;
  retentionDays: number;
  existing: (db: BackendDb, ids: string[]) => Promise<Map<string, T>>;
  same: (a: T, b: T) => boolean;
  store: (db: Parameters<Parameters<BackendDb['transaction']>[0]>[0], records: T[]) => Promise<void>;
}

const iso = (d: Date) => d.toISOString();
const sameInstant = (a: string, b: string) => Date.parse(a) === Date.parse(b);

export const SMS_LOG: LogKind<SmsRecord> = {
  schema: SmsIngestRecord,
  time: (r) => r.sentAt,
  retentionDays: SMS_RETENTION_DAYS,
  existing: async (db, ids) => {
    const rows = ids.length ? await db.select().from(smsLog).where(inArray(smsLog.id, ids)) : [];
    return new Map(rows.map((r) => [r.id, { id: r.id, customerNumber: r.customerNumber, sentAt: iso(r.sentAt), ip: r.ip }]));
  },
  same: (a, b) => a.customerNumber === b.customerNumber && a.ip === b.ip && sameInstant(a.sentAt, b.sentAt),
  store: async (tx, records) => {
    await bulkInsert(tx, 'sms_log', ['id', 'customer_number', 'sent_at', 'ip'], records.map((r) => ({ id: r.id, customer_number: r.customerNumber, sent_at: r.sentAt, ip: r.ip })));
    await appendFeed(tx, records.map((r) => ({ type: 'sms.logged' as const, at: new Date(r.sentAt), audience: AUDIENCE.sms, data: {}, smsId: r.id })));
  },
};

export const PORTAL_LOG: LogKind<PortalAccess> = {
  schema: PortalIngestRecord,
  time: (r) => r.at,
  retentionDays: PORTAL_RETENTION_DAYS,
  existing: async (db, ids) => {
    const rows = ids.length ? await db.select().from(portalAccess).where(inArray(portalAccess.id, ids)) : [];
    return new Map(rows.map((r) => [r.id, { id: r.id, customerNumber: r.customerNumber, at: iso(r.at), ip: r.ip, action: r.action as PortalAccess['action'] }]));
  },
  same: (a, b) => a.customerNumber === b.customerNumber && a.ip === b.ip && a.action === b.action && sameInstant(a.at, b.at),
  store: async (tx, records) => {
    await bulkInsert(tx, 'portal_access', ['id', 'customer_number', 'at', 'ip', 'action'], records.map((r) => ({ id: r.id, customer_number: r.customerNumber, at: r.at, ip: r.ip, action: r.action })));
    await appendFeed(tx, records.map((r) => ({ type: 'portal.logged' as const, at: new Date(r.at), audience: AUDIENCE.portal, data: {}, portalId: r.id })));
  },
};

export async function ingestRecords<T extends { id: string }>(db: BackendDb, kind: LogKind<T>, raw: readonly unknown[], now: Date): Promise<IngestOutcome> {
  const invalid: InvalidRecord[] = [];
  const valid: { index: number; record: T }[] = [];
  const latest = now.getTime() + INGEST_CLOCK_SKEW_MS;
  const seen = new Map<string, T>();
  raw.forEach((item, index) => {
    const parsed = kind.schema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      invalid.push({ index, field: issue?.path.join('.') || '(record)', message: issue?.message ?? 'invalid' });
      return;
    }
    const record = parsed.data as unknown as T;
    if (Date.parse(kind.time(record)) > latest) {
      invalid.push({ index, field: kind === (SMS_LOG as unknown) ? 'sentAt' : 'at', message: 'lies in the future of the backend clock' });
      return;
    }
    const twin = seen.get(record.id);
    if (twin && !kind.same(twin, record)) {
      invalid.push({ index, field: 'id', message: 'the same id twice in this call with different content' });
      return;
    }
    seen.set(record.id, record);
    valid.push({ index, record });
  });

  return db.transaction(async (tx) => {
    const known = await kind.existing(tx as unknown as BackendDb, [...seen.keys()]);
    const cutoff = Date.parse(berlinWallShift(now, -kind.retentionDays));
    const fresh: T[] = [];
    const stored = new Set<string>();
    let duplicate = 0;
    let expired = 0;
    for (const { index, record } of valid) {
      const earlier = known.get(record.id);
      if (earlier) {
        if (!kind.same(earlier, record)) invalid.push({ index, field: 'id', message: 'this id is stored already with other content' });
        else duplicate++;
      } else if (Date.parse(kind.time(record)) <= cutoff) {
        expired++;
      } else if (stored.has(record.id)) {
        duplicate++;
      } else {
        stored.add(record.id);
        fresh.push(record);
      }
    }
    if (invalid.length > 0) return { ok: false as const, invalid: invalid.sort((a, b) => a.index - b.index) };
    // In time order, so the feed shows them as they happened.
    fresh.sort((a, b) => Date.parse(kind.time(a)) - Date.parse(kind.time(b)));
    await kind.store(tx, fresh);
    return { ok: true as const, counts: { accepted: fresh.length, duplicate, expired } };
  });
}
