// POST /api/v1/disclosures (a data-protection officer records a package for an authority) and
// POST /api/v1/disclosures/{id}/decision (a different person with the supervisor role approves or
// rejects): issue 16's disclosure register, shaped like the holds.
import { DisclosureDecision, DisclosureRequest } from '../../shared/disclosures';
import { failure, ok, type Reply } from '../http/reply';
import { type CallContext } from '../http/router';
import { decideDisclosure, requestDisclosure, type DisclosureOutcome } from '../lifecycle/disclosures';
import { authenticate } from './auth';
import { type ApiDeps } from './deps';
import { describeIssues } from './validation';

function reply(outcome: DisclosureOutcome): Reply {
  switch (outcome.status) {
    case 'created':
      return ok(outcome.disclosure, 201);
    case 'ok':
      return ok(outcome.disclosure, 200);
    case 'forbidden':
      return failure(403, 'forbidden', 'Your roles may not do this with disclosures.');
    case 'not_found':
      return failure(404, 'not_found', 'No such disclosure.');
    case 'same_person':
      return failure(403, 'forbidden', 'A disclosure is decided by a different person than the one who asked for it.');
    case 'already_decided':
      return failure(409, 'invalid_request', 'This disclosure was decided already.');
    case 'restricted':
      return failure(409, 'invalid_request', `${outcome.count} of the records are restricted (Art. 18 GDPR) and may not be disclosed.`, { reason: 'restricted', restricted: outcome.count });
    case 'id_conflict':
      return failure(409, 'idempotency_conflict', 'This id names another disclosure.');
  }
}

export async function postDisclosure(deps: ApiDeps, ctx: CallContext): Promise<Reply> {
  const auth = await authenticate(deps.db, ctx.headers, ctx.now);
  if (!auth.ok) return auth.reply;
  const parsed = DisclosureRequest.safeParse(ctx.body);
  if (!parsed.success) return failure(400, 'invalid_request', describeIssues(parsed.error));
  return reply(await requestDisclosure(deps.db, auth.caller, parsed.data, ctx.now));
}

export async function postDisclosureDecision(deps: ApiDeps, ctx: CallContext): Promise<Reply> {
  const auth = await authenticate(deps.db, ctx.headers, ctx.now);
  if (!auth.ok) return auth.reply;
  const parsed = DisclosureDecision.safeParse(ctx.body);
  if (!parsed.success) return failure(400, 'invalid_request', describeIssues(parsed.error));
  return reply(await decideDisclosure(deps.db, auth.caller, (ctx.params[0] ?? '').toLowerCase(), parsed.data, ctx.now));
}
