// The portal access log on this workstation is purged like the SMS log (issue 15): records older
// than the log's 90 days (as tightened by supervisors) go, except those of customers under a
// confirmed legal hold; then one receipt for the cut (rule portal_90_days, the cut in smsBefore:
// "log records before") and the feed may not bring back anything before it. Batches keep each
// transaction short; a crash between them is finished by the next sweep.
import { and, inArray, lte, notInArray, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { portalLog, receipts } from '../db/schema';
import { readState, STATE_KEYS, writeState } from '../db/state';
import { berlinDate } from '../time/berlin';
import { heldCustomers, smsCut } from './plan';
import { advanceWatermark } from './watermark';
import { SYSTEM_ACTOR } from './purge';
import type { RuleSet } from './rules';

const PORTAL_BATCH = 20_000;

export function purgePortalLog(db: DeskDb, clock: Clock, rules: RuleSet): number {
  const now = clock();
  const cut = smsCut(now, rules);
  const held = heldCustomers(db, berlinDate(now));
  const scope = and(lte(portalLog.at, cut), held.length > 0 ? notInArray(portalLog.customerNumber, held) : undefined);
  let purged = 0;
  for (;;) {
    const deleted = db.transaction(() => {
      // Chosen by rowid inside SQLite: no record travels through JavaScript.
      const batch = db.select({ rowid: sql`rowid` }).from(portalLog).where(scope).limit(PORTAL_BATCH);
      return db.delete(portalLog).where(inArray(sql`rowid`, batch)).run().changes;
    });
    purged += deleted;
    if (deleted < PORTAL_BATCH) break;
  }
  db.transaction(() => {
    const after = new Date(Date.parse(cut) + 1).toISOString();
    // After a purge exactly (its receipt says so); otherwise in steps.
    if (purged > 0 && (readState(db, STATE_KEYS.portalPurgedBefore) ?? '') < after) writeState(db, STATE_KEYS.portalPurgedBefore, after);
    else advanceWatermark(db, STATE_KEYS.portalPurgedBefore, after);
    if (purged === 0) return;
    db.insert(receipts).values({ smsBefore: cut, purgedAt: clock().toISOString(), rule: 'portal_90_days', status: 'pending' }).run();
    appendAudit(db, clock, { actor: SYSTEM_ACTOR, action: 'purge.portal', subject: null, details: { before: cut, records: purged } });
  });
  return purged;
}
