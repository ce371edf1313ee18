// POST /api/v1/receipts: a workstation proves what it purged.
import { ReceiptsRequest, type ReceiptsResponse } from '../../shared/sync-api';
import { failure, ok, type Reply } from '../http/reply';
import { type CallContext } from '../http/router';
import { recordReceipts } from '../lifecycle/receipts';
import { authenticate } from './auth';
import { type ApiDeps } from './deps';
import { describeIssues } from './validation';
import { type z } from 'zod';

export function postReceipts(deps: ApiDeps, ctx: CallContext): Reply {
  const { state } = deps;
  const auth = authenticate(state, ctx.headers, ctx.nowMs);
  if (!auth.ok) return auth.reply;
  const parsed = ReceiptsRequest.safeParse(ctx.body);
  if (!parsed.success) return failure(400, 'invalid_request', describeIssues(parsed.error));
  const recorded = recordReceipts(state, auth.caller.workstation, parsed.data.receipts, parsed.data.auditHead, ctx.nowMs);
  const body: z.infer<typeof ReceiptsResponse> = { recorded };
  return ok(body);
}
