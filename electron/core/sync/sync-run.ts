// One full sync: pull the feed, push the outbox, apply retention, send receipts, anchor the audit
// chain, report the latest deletion self-test.
import type { SyncReport } from '../../../shared/views';
import { STATE_KEYS, writeState } from '../db/state';
import { sweepRetention, type SweepHooks } from '../retention/sweep';
import { BackendUnreachableError, type BackendClient } from './backend-client';
import { pullFeed } from './feed-pull';
import type { FeedContext } from './feed-apply';
import { pushOutbox } from './outbox-push';
import { sendReceipts } from './receipts-send';
import { sendAuditHead } from './audit-anchor-send';
import { sendSelfTestReport } from './self-test-report';

export interface SyncHooks extends SweepHooks {
  /**
   * The feed's news is in the local copy: the screens may show it now rather than after the push,
   * the sweep and the receipts (a new request reaches an open queue one sweep sooner, issue 15).
   */
  pulled?: () => void;
}

export async function runSync(ctx: FeedContext, client: BackendClient, hooks: SyncHooks = {}): Promise<SyncReport> {
  const report: SyncReport = { pulled: 0, applied: 0, skipped: 0, quarantined: 0, pushed: 0, rejected: 0, receiptsSent: 0, purged: 0, offline: null };
  try {
    Object.assign(report, await pullFeed(ctx, client));
    if (report.applied > 0) hooks.pulled?.();
    const pushed = await pushOutbox(ctx, client);
    report.pushed = pushed.pushed;
    report.rejected = pushed.rejected;
    const swept = sweepRetention(ctx.db, ctx.clock, hooks);
    report.purged = swept.purged + swept.expired;
    if (hooks.expireOwnedCallback && swept.expired > 0) {
      const more = await pushOutbox(ctx, client);
      report.pushed += more.pushed;
      report.rejected += more.rejected;
    }
    report.receiptsSent = await sendReceipts(ctx.db, client);
    await sendAuditHead(ctx.db, client);
    await sendSelfTestReport(ctx.db, client);
    recordOutcome(ctx, null);
  } catch (error) {
    if (!(error instanceof BackendUnreachableError)) {
      recordOutcome(ctx, error instanceof Error ? error.message : String(error));
      throw error;
    }
    // Offline: keep working locally; retention does not wait for the network.
    const swept = sweepRetention(ctx.db, ctx.clock, hooks);
    report.purged += swept.purged + swept.expired;
    report.offline = `${error.message} Aktionen bleiben im Postausgang und werden später gesendet.`;
    recordOutcome(ctx, report.offline);
  }
  return report;
}

function recordOutcome(ctx: FeedContext, error: string | null): void {
  // One commit, not three: every sync (each feed wake-up) ends here, and each commit is an fsync.
  ctx.db.transaction(() => {
    writeState(ctx.db, STATE_KEYS.lastSyncError, error);
    if (error !== null) return;
    const now = ctx.clock().toISOString();
    writeState(ctx.db, STATE_KEYS.lastSyncAt, now);
    // A pull that ran to its end: the local copy now holds everything the user may see.
    writeState(ctx.db, STATE_KEYS.caughtUpAt, now);
  });
}

