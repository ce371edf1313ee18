// Ingest (SYNC_API 1.1): the free-SMS service and the Online-Kundencenter deliver their logs
// with the operator's ingest key. 1 to 10,000 records a call; any invalid record refuses the
// whole call, and nothing of it is stored.
import { z } from 'zod';
import { PortalAccess, SmsRecord } from './sync-api';

export const INGEST_MAX_RECORDS = 10_000;
export const INGEST_MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Each record is checked on its own (unknown here), so every invalid one can be named with its index. */
export const IngestBody = z.strictObject({ records: z.array(z.unknown()).min(1).max(INGEST_MAX_RECORDS) });
export const SmsIngestRecord = SmsRecord.strict();
export const PortalIngestRecord = PortalAccess.strict();

export const IngestResponse = z.object({
  accepted: z.number().int().min(0),
  duplicate: z.number().int().min(0),
  expired: z.number().int().min(0),
});
export type IngestResponse = z.infer<typeof IngestResponse>;

export const InvalidRecord = z.object({ index: z.number().int().min(0), field: z.string(), message: z.string() });
export type InvalidRecord = z.infer<typeof InvalidRecord>;
