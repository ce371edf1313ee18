// Applies part 5 of issue 17 from the feed. `request.rectified`: the backend adds the new values
// only for the workstation holding the claim; here they replace the old ones in the personal data
// (secure_delete zeroes the old cell, the sync's sweep truncates the WAL), and a workstation without
// a local copy keeps nothing. `restriction.updated`: which records are restricted now (ids only).
import { eq, sql } from 'drizzle-orm';
import type { FeedEvent } from '../../../shared/sync-api';
import { appendAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { restrictedRecords } from '../db/officer-schema';
import { personalData, requests } from '../db/schema';
import { SYSTEM_ACTOR } from '../retention/purge';

type Rectified = Extract<FeedEvent, { type: 'request.rectified' }>;
type RestrictionUpdated = Extract<FeedEvent, { type: 'restriction.updated' }>;

export function applyRectified(db: DeskDb, clock: Clock, event: Rectified): 'applied' | 'ignored' {
  if (!event.values || Object.keys(event.values).length === 0) return 'ignored';
  const held = db.select({ id: personalData.requestId }).from(personalData).where(eq(personalData.requestId, event.requestId)).get();
  if (!held) return 'ignored';
  const values = Object.fromEntries(Object.entries(event.values).filter(([field]) => event.fields.includes(field as never)));
  db.update(personalData).set(values).where(eq(personalData.requestId, event.requestId)).run();
  db.update(requests).set({ updatedAt: clock().toISOString() }).where(eq(requests.id, event.requestId)).run();
  // Which fields, never their values.
  appendAudit(db, clock, { actor: SYSTEM_ACTOR, action: 'subject.rectified', subject: event.requestId, details: { fields: Object.keys(values).join(',') } });
  return 'applied';
}

export function applyRestriction(db: DeskDb, clock: Clock, event: RestrictionUpdated): 'applied' | 'ignored' {
  const r = event.restriction;
  const row = { source: r.source, recordId: r.recordId, restrictionId: r.id, active: r.active, since: r.since, liftedAt: r.liftedAt };
  const { changes } = db
    .insert(restrictedRecords)
    .values(row)
    .onConflictDoUpdate({
      target: [restrictedRecords.source, restrictedRecords.recordId],
      set: { restrictionId: sql`excluded.restriction_id`, active: sql`excluded.active`, since: sql`excluded.since`, liftedAt: sql`excluded.lifted_at` },
      // A repeated or older event never undoes a newer one: a later restriction or a lift wins.
      setWhere: sql`excluded.since > ${restrictedRecords.since} OR (excluded.since = ${restrictedRecords.since} AND excluded.active = 0)`,
    })
    .run();
  if (r.source === 'request') db.update(requests).set({ updatedAt: clock().toISOString() }).where(eq(requests.id, r.recordId)).run();
  return changes > 0 ? 'applied' : 'ignored';
}

/** Whether a record is restricted on this workstation's knowledge. */
export function isRestrictedHere(db: DeskDb, source: 'request' | 'sms' | 'portal', recordId: string): boolean {
  return (db.$client.prepare('SELECT 1 FROM restricted_records WHERE source = ? AND record_id = ? AND active = 1').get(source, recordId) ?? null) !== null;
}

export const RESTRICTED_CLAIM = 'Der Vorgang ist eingeschränkt (Art. 18 DSGVO): Er wird nur gespeichert, nicht bearbeitet, bis die Datenschutzbeauftragte die Einschränkung aufhebt.';
