// The service center's workstations for supervisors (issue 16, item 5): read from the backend.
import { z } from 'zod';
import { RetireWorkstationRequest, RetireWorkstationResponse, WorkstationView } from '../workstations';
import { Uuid } from '../wire';
import { channel, None } from './channel';

export const WorkstationRow = WorkstationView.extend({ thisOne: z.boolean() });
export type WorkstationRow = z.infer<typeof WorkstationRow>;

export const RetireWorkstationInput = RetireWorkstationRequest.extend({ workstation: Uuid }).strict();

export const workstationChannels = {
  'workstations.list': channel(None, z.array(WorkstationRow), ['supervisor']),
  'workstations.retire': channel(RetireWorkstationInput, RetireWorkstationResponse, ['supervisor']),
} as const;
