// The retention sweep: plans what DESIGN.md's rules (as tightened by supervisors) make due at
// `clock()`, queues that plan and works it off in batches. Safe to run any time and any number
// of times; a crash half-way is finished by the next run, which works the old queue off first.
import type { SweepReport } from '../../../shared/views';
import { destroySpentAuditKeys } from '../audit/audit-keys';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { planPurges, smsCut } from './plan';
import { scrubWal, SYSTEM_ACTOR } from './purge';
import { releaseLapsedClaims } from './lapsed-claims';
import { purgePortalLog } from './portal-purge';
import { enqueuePlan, runPurgeQueue, type PurgeHooks } from './purge-queue';
import { readRules } from './rules';

export type SweepHooks = PurgeHooks;

export function sweepRetention(db: DeskDb, clock: Clock, hooks: SweepHooks = {}): SweepReport {
  const leftover = runPurgeQueue(db, clock, hooks);
  const rules = readRules(db);
  const now = clock();
  enqueuePlan(db, clock, planPurges(db, now, rules), smsCut(now, rules));
  const report = runPurgeQueue(db, clock, hooks);
  report.purged += leftover.purged;
  report.expired += leftover.expired;
  report.smsPurged += leftover.smsPurged;
  report.portalPurged = purgePortalLog(db, clock, rules);
  report.purged += releaseLapsedClaims(db, clock);
  // Keys of keyed hashes whose SMS data is now gone: without them the hashes cannot be reversed.
  destroySpentAuditKeys(db, clock, SYSTEM_ACTOR);
  // secure_delete zeroed the rows in their pages; the WAL still holds old frames until truncated.
  // Always, not only after this sweep's own purges: purges applied from the feed (close, erasure,
  // claim elsewhere, release) leave old frames too, and the property test caught exactly that.
  scrubWal(db);
  return report;
}
