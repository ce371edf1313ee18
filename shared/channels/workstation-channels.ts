// What supervisors govern across the service center and read only from the backend (issue 16):
// its workstations, and the retentions over one year that wait for their decision.
import { z } from 'zod';
import { PendingRetention, RetentionDecisionResponse } from '../retained';
import { RetireWorkstationRequest, RetireWorkstationResponse, WorkstationView } from '../workstations';
import { LocalDate } from '../wire';
import { Uuid } from '../wire';
import { channel, None } from './channel';

export const WorkstationRow = WorkstationView.extend({ thisOne: z.boolean() });
export type WorkstationRow = z.infer<typeof WorkstationRow>;

export const RetireWorkstationInput = RetireWorkstationRequest.extend({ workstation: Uuid }).strict();

export const workstationChannels = {
  'workstations.list': channel(None, z.array(WorkstationRow), ['supervisor']),
  'workstations.retire': channel(RetireWorkstationInput, RetireWorkstationResponse, ['supervisor']),
  'retention.longPending': channel(None, z.array(PendingRetention), ['supervisor']),
  'retention.decideLong': channel(z.object({ requestId: Uuid, until: LocalDate }).strict(), RetentionDecisionResponse, ['supervisor']),
} as const;
