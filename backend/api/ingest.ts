// POST /api/v1/ingest/sms and /api/v1/ingest/portal-access: the service logs, with the ingest
// key (not a user's token).
import { timingSafeEqual } from 'node:crypto';
import { IngestBody } from '../../shared/ingest';
import { type BackendDb } from '../db/database';
import { failure, ok, type Reply } from '../http/reply';
import { type CallContext } from '../http/router';
import { ingestRecords, PORTAL_LOG, SMS_LOG } from '../lifecycle/ingest';
import { describeIssues } from './validation';

export interface IngestDeps {
  db: BackendDb;
  ingestKey: string;
}

function keyMatches(headers: CallContext['headers'], expected: string): boolean {
  const given = Buffer.from(/^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1] ?? '');
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** Two calls storing the same new id at once: the loser tries again and then sees the winner's record. */
async function retryOnUniqueViolation<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
      if (code !== '23505' || attempt >= 3) throw error;
    }
  }
}

export function postIngest(deps: IngestDeps, log: 'sms' | 'portal'): (ctx: CallContext) => Promise<Reply> {
  return async (ctx) => {
    if (!keyMatches(ctx.headers, deps.ingestKey)) return failure(401, 'unauthorized', 'Authorization: Bearer <ingest key> required.');
    const body = IngestBody.safeParse(ctx.body);
    if (!body.success) return failure(400, 'invalid_request', describeIssues(body.error));
    const records = body.data.records;
    const outcome = await retryOnUniqueViolation(() => (log === 'sms' ? ingestRecords(deps.db, SMS_LOG, records, ctx.now) : ingestRecords(deps.db, PORTAL_LOG, records, ctx.now)));
    if (!outcome.ok) return failure(400, 'invalid_request', `${outcome.invalid.length} invalid record(s); nothing of this call was stored.`, { invalid: outcome.invalid.slice(0, 1000) });
    return ok(outcome.counts);
  };
}
