import type { queueChannels } from '../../../shared/channels/queue-channels';
import { requireErasureReceipts } from '../officer/subject-erasure';
import type { DeskContext } from '../desk-context';
import { agentDay } from '../queue/agent-day';
import { queueChanges } from '../queue/queue-changes';
import { listQueue, requestDetail } from '../queue/queue-view';
import { queueCounts, queueWindow } from '../queue/queue-window';
import { heldCases } from '../queue/held-cases';
import { claimRequest, closeRequest, forwardRequest, recordAttempt, releaseRequest } from '../queue/request-actions';
import { viewRetainedCase } from '../queue/retained-view';
import { readRetryRules } from '../queue/retry-rules';
import { changeRuleAtBackend } from '../retention/rule-change';
import type { Caller, HandlersFor } from './handler-types';

const viewer = (caller: Caller) => ({ userId: caller.session.user.id, roles: caller.session.user.roles });

export function queueHandlers(ctx: DeskContext): HandlersFor<typeof queueChannels> {
  return {
    'queue.list': (input, caller) => listQueue(ctx.db, viewer(caller), input, ctx.clock()),
    'request.detail': (input, caller) => requestDetail(ctx.db, viewer(caller), input.requestId, ctx.clock()),
    'request.claim': (input, caller) => ctx.deliver(caller, claimRequest(ctx.actionContext(caller), input.requestId)),
    'request.attempt': (input, caller) => {
      const slot = input.preferredDate && input.preferredWindow ? { preferredDate: input.preferredDate, preferredWindow: input.preferredWindow } : undefined;
      return ctx.deliver(caller, recordAttempt(ctx.actionContext(caller), input.requestId, input.disposition, slot));
    },
    'request.forward': (input, caller) => ctx.deliver(caller, forwardRequest(ctx.actionContext(caller), input.requestId, input.department)),
    'request.release': (input, caller) => ctx.deliver(caller, releaseRequest(ctx.actionContext(caller), input.requestId)),
    'queue.held': (_input, caller) => heldCases(ctx.db, caller.session),
    'request.close': async (input, caller) => {
      // Issue 17: a Löschung case stays open until every workstation proved its purge.
      await requireErasureReceipts(ctx, caller, input.requestId);
      return ctx.deliver(caller, closeRequest(ctx.actionContext(caller), input));
    },
    'request.viewRetained': (input, caller) => viewRetainedCase(ctx, caller, input),
    'queue.changes': (input, caller) => queueChanges(ctx.db, viewer(caller), input, ctx.clock()),
    'queue.window': (input, caller) => queueWindow(ctx.db, viewer(caller), input, ctx.clock()),
    'queue.counts': (_input, caller) => queueCounts(ctx.db, viewer(caller), ctx.clock()),
    'queue.retryRules': () => readRetryRules(ctx.db),
    'agent.day': (_input, caller) => agentDay(ctx.db, caller.session.user.id, ctx.clock()),
    'queue.setRetryRules': async (input, caller) => {
      // Set at the backend for every workstation (issue 16); audited there and in this chain.
      await changeRuleAtBackend(ctx, caller, { rule: 'retry', ...input });
      ctx.emit('queue');
      return readRetryRules(ctx.db);
    },
  };
}
