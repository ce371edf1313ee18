// The supervisors' audit view: list with the chain's verdict, and the CSV export (itself audited).
import type { auditChannels } from '../../../shared/channels/audit-channels';
import { exportAudit } from '../audit/audit-export';
import { listAudit } from '../audit/audit-query';
import { actorsMatching, staffNames } from '../audit/staff-names';
import type { DeskContext } from '../desk-context';
import type { HandlersFor } from './handler-types';

export function auditHandlers(ctx: DeskContext): HandlersFor<typeof auditChannels> {
  return {
    'audit.list': (input, caller) => {
      const names = staffNames(ctx.db, caller.session.user);
      return listAudit(ctx.db, { ...input, ...(input.actor ? { actorIds: actorsMatching(names, input.actor) } : {}) }, names);
    },
    'audit.export': (input, caller) => exportAudit(ctx.db, ctx.clock, ctx.options.dataDir, caller.session.user.id, input),
  };
}
