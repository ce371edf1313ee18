// Retention: sweeps now; rules, holds, proof of deletion and the dashboard (issue 4) join here.
import { SweepReport } from '../views';
import { channel, None } from './channel';

export const retentionChannels = {
  'retention.sweep': channel(None, SweepReport, 'any'),
} as const;
