import type { retentionChannels } from '../../../shared/channels/retention-channels';
import type { SweepReport } from '../../../shared/views';
import { appendAudit } from '../audit/audit-log';
import type { DeskContext } from '../desk-context';
import { queueExpiryClose } from '../queue/request-actions';
import { deletionDashboard } from '../retention/dashboard';
import { dryRun } from '../retention/dry-run';
import { createExpiryScheduler, systemTimers, type ExpiryScheduler, type SchedulerTimers } from '../retention/expiry-scheduler';
import { writeExport } from '../retention/exports/export-files';
import { decideSmsHold, requestSmsHold } from '../retention/hold-requests';
import { listHolds } from '../retention/holds';
import { nextExpiry } from '../retention/next-expiry';
import { purgeEndedExports } from '../officer/disclosure-export-end';
import { purgeEndedSubjectReports } from '../officer/subject-report-end';
import type { PurgeHooks } from '../retention/purge-queue';
import { changeRuleAtBackend, refreshRules } from '../retention/rule-change';
import { listRules } from '../retention/rules';
import { runSelfTest } from '../retention/self-test';
import { sweepRetention } from '../retention/sweep';
import { asDeskWorkSync } from '../sync/feed-batch';
import { berlinDate } from '../time/berlin';
import type { HandlersFor } from './handler-types';

export const SWEEP_PERIOD_MS = 15 * 60_000;

const hooksFor = (ctx: DeskContext): PurgeHooks => ({ expireOwnedCallback: (id) => queueExpiryClose({ db: ctx.db, clock: ctx.clock }, id) });

export function runSweep(ctx: DeskContext): SweepReport {
  const report = sweepRetention(ctx.db, ctx.clock, hooksFor(ctx));
  // The disclosures' exported folders live in the data directory, beside the database.
  purgeEndedExports(ctx.db, ctx.clock, ctx.options.dataDir);
  // Issue 17: an Auskunft's files after sent + proof period.
  purgeEndedSubjectReports(ctx.db, ctx.clock, ctx.options.dataDir);
  ctx.emit('queue', 'sync');
  return report;
}

/** The one retention scheduler of a desk: sweeps at start, at the soonest expiry, and every 15 minutes. */
export function retentionScheduler(ctx: DeskContext, timers: SchedulerTimers = systemTimers): ExpiryScheduler {
  return createExpiryScheduler({
    clock: ctx.clock,
    timers,
    nextExpiry: () => nextExpiry(ctx.db, ctx.clock()),
    // A timer's sweep may fire while a pull waits for its next page: the pull's batch commits first.
    run: () => asDeskWorkSync(ctx.db.$client, () => runSweep(ctx)),
    periodMs: SWEEP_PERIOD_MS,
  });
}

export function retentionHandlers(ctx: DeskContext): HandlersFor<typeof retentionChannels> {
  const holds = () => listHolds(ctx.db, berlinDate(ctx.clock()));
  return {
    'retention.sweep': () => runSweep(ctx),
    'retention.rules': () => listRules(ctx.db),
    'retention.dryRun': async (input, caller) => {
      // Against the rules in force at the backend, so the dry run on any PC equals what every PC will purge.
      await refreshRules(ctx, caller);
      return dryRun(ctx.db, ctx.clock, input.change);
    },
    'retention.changeRule': async (input, caller) => {
      await changeRuleAtBackend(ctx, caller, { rule: 'retention', key: input.key, period: input.period });
      runSweep(ctx); // a tightened rule takes effect now, as the dry run showed
      return listRules(ctx.db);
    },
    'retention.dashboard': () => deletionDashboard(ctx.db, ctx.clock()),
    'retention.holds': () => holds(),
    'retention.setSmsHold': async (input, caller) => {
      await requestSmsHold(ctx, caller, input);
      return holds();
    },
    'retention.confirmSmsHold': async (input, caller) => {
      await decideSmsHold(ctx, caller, input.holdId, 'confirm');
      return holds();
    },
    'retention.rejectSmsHold': async (input, caller) => {
      await decideSmsHold(ctx, caller, input.holdId, 'reject', input.note);
      return holds();
    },
    'retention.selfTest': (_input, caller) => {
      const result = runSelfTest(ctx.db, ctx.clock, ctx.options.dataDir, caller.session.user.id, hooksFor(ctx));
      ctx.emit('sync');
      return result;
    },
    'retention.export': async (input, caller) => {
      const file = await writeExport(ctx.db, ctx.clock, ctx.options.dataDir, input);
      appendAudit(ctx.db, ctx.clock, { actor: caller.session.user.id, action: 'export', subject: file.fileName, details: { rows: file.rows } });
      return file;
    },
  };
}
