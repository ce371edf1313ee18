// POST /api/v1/receipts
import { ReceiptsRequest } from '../../shared/sync-api';
import { failure, ok, type Reply } from '../http/reply';
import { type CallContext } from '../http/router';
import { recordReceipts } from '../lifecycle/receipts';
import { authenticate } from './auth';
import { type ApiDeps } from './deps';
import { describeIssues } from './validation';

export async function postReceipts(deps: ApiDeps, ctx: CallContext): Promise<Reply> {
  const auth = await authenticate(deps.db, ctx.headers, ctx.now);
  if (!auth.ok) return auth.reply;
  const parsed = ReceiptsRequest.safeParse(ctx.body);
  if (!parsed.success) return failure(400, 'invalid_request', describeIssues(parsed.error));
  const recorded = await recordReceipts(deps.db, auth.caller.workstation, parsed.data.receipts, parsed.data.auditHead, ctx.now);
  return ok({ recorded });
}
