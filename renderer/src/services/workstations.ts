// What supervisors govern across the service center, read from the backend (issue 16): the
// workstations and the long retentions waiting for a decision.
import type { DeskApi } from '../../../shared/api';
import type { WorkstationRow } from '../../../shared/channels/workstation-channels';
import type { PendingRetention, RetentionDecisionResponse } from '../../../shared/retained';
import type { RetireWorkstationResponse } from '../../../shared/workstations';

export interface WorkstationService {
  list(): Promise<WorkstationRow[]>;
  retire(workstation: string, reason: string): Promise<RetireWorkstationResponse>;
  /** Retentions over one year waiting for a supervisor. */
  longRetentions(): Promise<PendingRetention[]>;
  decideLongRetention(requestId: string, until: string): Promise<RetentionDecisionResponse>;
}

export function createWorkstationService(api: DeskApi): WorkstationService {
  return {
    list: () => api.invoke('workstations.list', {}),
    retire: (workstation, reason) => api.invoke('workstations.retire', { workstation, reason }),
    longRetentions: () => api.invoke('retention.longPending', {}),
    decideLongRetention: (requestId, until) => api.invoke('retention.decideLong', { requestId, until }),
  };
}
