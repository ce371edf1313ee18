import type { queueChannels } from '../../../shared/channels/queue-channels';
import type { DeskContext } from '../desk-context';
import { listQueue, requestDetail } from '../queue/queue-view';
import { claimRequest, closeRequest, forwardRequest, recordAttempt, releaseRequest } from '../queue/request-actions';
import type { Caller, HandlersFor } from './handler-types';

const viewer = (caller: Caller) => ({ userId: caller.session.user.id, roles: caller.session.user.roles });

export function queueHandlers(ctx: DeskContext): HandlersFor<typeof queueChannels> {
  return {
    'queue.list': (input, caller) => listQueue(ctx.db, viewer(caller), input),
    'request.detail': (input, caller) => requestDetail(ctx.db, viewer(caller), input.requestId),
    'request.claim': (input, caller) => ctx.deliver(caller, claimRequest(ctx.actionContext(caller), input.requestId)),
    'request.attempt': (input, caller) => ctx.deliver(caller, recordAttempt(ctx.actionContext(caller), input.requestId, input.disposition)),
    'request.forward': (input, caller) => ctx.deliver(caller, forwardRequest(ctx.actionContext(caller), input.requestId, input.department)),
    'request.release': (input, caller) => ctx.deliver(caller, releaseRequest(ctx.actionContext(caller), input.requestId)),
    'request.close': (input, caller) => ctx.deliver(caller, closeRequest(ctx.actionContext(caller), input)),
  };
}
