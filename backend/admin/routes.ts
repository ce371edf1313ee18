// Extension endpoints for tests, the demo and operators (backend/README.md), not in SYNC_API.md
// and outside its fault mode. They need the admin token, answer only requests addressed to
// this server by name (a web page cannot reach them through DNS rebinding), take only JSON
// (no form a foreign page could post) and small bodies.
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { FaultConfig, type FaultConfigInput } from '../faults/config';
import { type GenerateCounts } from '../generator';
import { type LoadedCounts } from '../generator/load';
import { describeIssues, UUID_SEGMENT } from '../api/validation';
import { failure, ok, type Reply } from '../http/reply';
import { type CallContext, type Route } from '../http/router';
import { type PeriodicSummary } from '../jobs/periodic';
import { type BackendStats } from './stats';

const count = z.number().int().min(0).max(5_000_000).optional();
export const GenerateBody = z.strictObject({ callbacks: count, contacts: count, dpo: count, equality: count, sms: count, portal: count });
export const EraseBody = z.strictObject({ reason: z.string().min(1).max(500).optional() }).optional();
export const ADMIN_BODY_BYTES = 64 * 1024;

export interface BackendControl {
  erase(requestId: string, reason?: string): Promise<'erased' | 'already_erased' | 'not_found'>;
  generate(counts: GenerateCounts): Promise<LoadedCounts>;
  setFaults(faults: FaultConfigInput): FaultConfig;
  stats(): Promise<BackendStats>;
  runPeriodicWork(): Promise<PeriodicSummary>;
}

export interface AdminGuard {
  token: string;
  /** Host header values this server answers to, e.g. 127.0.0.1:8787 and localhost:8787. */
  hosts: readonly string[];
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Null when the call may go on, else the refusal. */
export function guardAdmin(guard: AdminGuard, ctx: CallContext, method: string): Reply | null {
  const host = String(ctx.headers.host ?? '').toLowerCase();
  if (!guard.hosts.includes(host)) return { ...failure(403, 'forbidden', 'Admin endpoints answer only requests addressed to this server.'), closeConnection: true };
  const token = /^Bearer\s+(\S+)\s*$/i.exec(ctx.headers.authorization ?? '')?.[1] ?? '';
  if (!sameSecret(token, guard.token)) return failure(401, 'unauthorized', 'Admin token required (Authorization: Bearer <admin token>).');
  if (method === 'POST' && !/^application\/json\b/i.test(String(ctx.headers['content-type'] ?? ''))) {
    return failure(400, 'invalid_request', 'Admin endpoints take Content-Type: application/json only.');
  }
  return null;
}

function parseOr<T>(schema: z.ZodType<T>, body: unknown, use: (value: T) => Promise<Reply> | Reply): Promise<Reply> | Reply {
  const parsed = schema.safeParse(body);
  return parsed.success ? use(parsed.data) : failure(400, 'invalid_request', describeIssues(parsed.error));
}

export function adminRoutes(control: BackendControl, guard: AdminGuard): Route[] {
  const guarded =
    (method: 'GET' | 'POST', handle: (ctx: CallContext) => Reply | Promise<Reply>) =>
    (ctx: CallContext): Reply | Promise<Reply> =>
      guardAdmin(guard, ctx, method) ?? handle(ctx);
  return [
    {
      method: 'POST',
      pattern: new RegExp(`^\\/__admin\\/requests\\/${UUID_SEGMENT}\\/erase$`),
      maxBodyBytes: ADMIN_BODY_BYTES,
      handle: guarded('POST', (ctx) =>
        parseOr(EraseBody, ctx.body, async (body) => {
          const result = await control.erase((ctx.params[0] ?? '').toLowerCase(), body?.reason);
          return result === 'not_found' ? failure(404, 'not_found', 'No such request.') : ok({ status: result });
        }),
      ),
    },
    {
      method: 'POST',
      pattern: /^\/__admin\/generate$/,
      maxBodyBytes: ADMIN_BODY_BYTES,
      handle: guarded('POST', (ctx) =>
        parseOr(GenerateBody, ctx.body ?? {}, async (counts) => {
          const generated = await control.generate(counts);
          return ok({ generated: { requests: generated.requests, sms: generated.sms, portal: generated.portal }, requestIds: generated.requestIds, stats: await control.stats() });
        }),
      ),
    },
    {
      method: 'POST',
      pattern: /^\/__admin\/faults$/,
      maxBodyBytes: ADMIN_BODY_BYTES,
      handle: guarded('POST', (ctx) => parseOr(FaultConfig, ctx.body ?? {}, (config) => ok({ faults: control.setFaults(config) }))),
    },
    { method: 'POST', pattern: /^\/__admin\/periodic$/, maxBodyBytes: ADMIN_BODY_BYTES, handle: guarded('POST', async () => ok(await control.runPeriodicWork())) },
    { method: 'GET', pattern: /^\/__admin\/stats$/, handle: guarded('GET', async () => ok(await control.stats())) },
  ];
}
