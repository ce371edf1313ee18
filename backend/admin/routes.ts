// Extension endpoints for tests and the demo (backend/README.md). Not part of SYNC_API.md and
// outside its fault mode; the server only listens on 127.0.0.1.
import { z } from 'zod';
import { FaultConfig, type FaultConfigInput } from '../faults/config';
import { type GenerateCounts } from '../generator';
import { failure, ok, type Reply } from '../http/reply';
import { type Route } from '../http/router';
import { describeIssues, UUID_SEGMENT } from '../api/validation';
import { type BackendStats } from './stats';

const count = z.number().int().min(0).max(5_000_000).optional();
export const GenerateBody = z.strictObject({ callbacks: count, contacts: count, dpo: count, equality: count, sms: count });
export const EraseBody = z.strictObject({ reason: z.string().min(1).max(500).optional() }).optional();

export interface BackendControl {
  /** 'erased', 'already_erased' or 'not_found'. */
  erase(requestId: string, reason?: string): 'erased' | 'already_erased' | 'not_found';
  generate(counts: GenerateCounts): void;
  setFaults(faults: FaultConfigInput): FaultConfig;
  stats(): BackendStats;
}

function parseOr<T>(schema: z.ZodType<T>, body: unknown, use: (value: T) => Reply): Reply {
  const parsed = schema.safeParse(body);
  return parsed.success ? use(parsed.data) : failure(400, 'invalid_request', describeIssues(parsed.error));
}

export function adminRoutes(control: BackendControl): Route[] {
  return [
    {
      method: 'POST',
      pattern: new RegExp(`^\\/__admin\\/requests\\/${UUID_SEGMENT}\\/erase$`),
      handle: (ctx) =>
        parseOr(EraseBody, ctx.body, (body) => {
          const result = control.erase((ctx.params[0] ?? '').toLowerCase(), body?.reason);
          return result === 'not_found' ? failure(404, 'not_found', 'No such request.') : ok({ status: result });
        }),
    },
    {
      method: 'POST',
      pattern: /^\/__admin\/generate$/,
      handle: (ctx) =>
        parseOr(GenerateBody, ctx.body ?? {}, (counts) => {
          control.generate(counts);
          return ok({ generated: counts, stats: control.stats() });
        }),
    },
    {
      method: 'POST',
      pattern: /^\/__admin\/faults$/,
      handle: (ctx) => parseOr(FaultConfig, ctx.body ?? {}, (config) => ok({ faults: control.setFaults(config) })),
    },
    { method: 'GET', pattern: /^\/__admin\/stats$/, handle: () => ok(control.stats()) },
  ];
}
