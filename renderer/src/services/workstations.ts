// The supervisors' view of the service center's workstations (issue 16), read from the backend.
import type { DeskApi } from '../../../shared/api';
import type { WorkstationRow } from '../../../shared/channels/workstation-channels';
import type { RetireWorkstationResponse } from '../../../shared/workstations';

export interface WorkstationService {
  list(): Promise<WorkstationRow[]>;
  retire(workstation: string, reason: string): Promise<RetireWorkstationResponse>;
}

export function createWorkstationService(api: DeskApi): WorkstationService {
  return {
    list: () => api.invoke('workstations.list', {}),
    retire: (workstation, reason) => api.invoke('workstations.retire', { workstation, reason }),
  };
}
