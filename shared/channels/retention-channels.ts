// Retention: the sweep, rules and their dry run, holds, the deletion self-test, the
// supervisors' dashboard and the exports. Role checks here are enforced by the core.
import { z } from 'zod';
import { DeletionDashboard, DryRun, ExportFile, ExportInput, HoldView, RuleChangeInput, RuleView, SelfTestResult, SmsHoldInput } from '../retention';
import { SweepReport } from '../views';
import { Uuid } from '../wire';
import { channel, EVERYONE, None } from './channel';

export const retentionChannels = {
  'retention.sweep': channel(None, SweepReport, 'any'),
  'retention.rules': channel(None, z.array(RuleView), EVERYONE),
  /** What a sweep now would purge; with `change`, under that rule change (nothing is written). */
  'retention.dryRun': channel(z.object({ change: RuleChangeInput.nullable() }).strict(), DryRun, ['supervisor']),
  'retention.changeRule': channel(RuleChangeInput, z.array(RuleView), ['supervisor']),
  'retention.dashboard': channel(None, DeletionDashboard, ['supervisor']),
  'retention.holds': channel(None, z.array(HoldView), ['dpo', 'supervisor']),
  'retention.setSmsHold': channel(SmsHoldInput, z.array(HoldView), ['dpo']),
  'retention.confirmSmsHold': channel(z.object({ holdId: Uuid }).strict(), z.array(HoldView), ['supervisor']),
  /** Issue 16: a supervisor turns a hold down, with her reason (at the backend, like the confirmation). */
  'retention.rejectSmsHold': channel(z.object({ holdId: Uuid, note: z.string().trim().min(3, 'Begründung fehlt').max(500) }).strict(), z.array(HoldView), ['supervisor']),
  'retention.selfTest': channel(None, SelfTestResult, ['supervisor']),
  'retention.export': channel(ExportInput, ExportFile, ['supervisor']),
} as const;
