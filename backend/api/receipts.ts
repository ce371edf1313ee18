// POST /api/v1/receipts and POST /api/v1/audit-head
import { AuditHeadProof, ReceiptsRequest } from '../../shared/sync-api';
import { failure, ok, type Reply } from '../http/reply';
import { type CallContext } from '../http/router';
import { anchorAuditHead } from '../lifecycle/audit-anchor';
import { recordReceipts } from '../lifecycle/receipts';
import { authenticate } from './auth';
import { type ApiDeps } from './deps';
import { describeIssues } from './validation';

export async function postReceipts(deps: ApiDeps, ctx: CallContext, log: ((line: string) => void) | null): Promise<Reply> {
  const auth = await authenticate(deps.db, ctx.headers, ctx.now);
  if (!auth.ok) return auth.reply;
  const parsed = ReceiptsRequest.safeParse(ctx.body);
  if (!parsed.success) return failure(400, 'invalid_request', describeIssues(parsed.error));
  const outcome = await recordReceipts(deps.db, auth.caller, parsed.data.receipts, ctx.now);
  // One line per refused receipt: the reason and the rule, never the subject.
  for (const r of outcome.refused) log?.(`${ctx.now.toISOString()} refused receipt ${parsed.data.receipts[r.index]?.rule ?? ''}: ${r.reason}`);
  return ok(outcome.refused.length > 0 ? outcome : { recorded: outcome.recorded });
}

export async function postAuditHead(deps: ApiDeps, ctx: CallContext): Promise<Reply> {
  const auth = await authenticate(deps.db, ctx.headers, ctx.now);
  if (!auth.ok) return auth.reply;
  const parsed = AuditHeadProof.safeParse(ctx.body);
  if (!parsed.success) return failure(400, 'invalid_request', describeIssues(parsed.error));
  const outcome = await anchorAuditHead(deps.db, auth.caller.workstation, parsed.data, ctx.now);
  if (outcome.status === 'refused') {
    return failure(409, 'invalid_request', 'This head does not extend the audit head this backend has for the workstation.', { reason: 'audit_head_refused', expected: outcome.expected });
  }
  return ok({ status: 'accepted' });
}
