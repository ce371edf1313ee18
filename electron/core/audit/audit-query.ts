// Reads the audit log for the supervisors' view: filtered by Berlin date range, action and actor,
// newest first, paged by sequence number. Read-only; the chain's verdict comes from verifyAudit.
import { and, asc, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AuditEntryView, AuditFilter, AuditPage, AuditVerdictView } from '../../../shared/channels/audit-channels';
import type { DeskDb } from '../db/open';
import { auditLog } from '../db/schema';
import { berlinDayStart } from '../time/berlin';
import { verifyAudit } from './audit-log';

const COLUMNS = { seq: auditLog.seq, at: auditLog.at, actor: auditLog.actor, action: auditLog.action, subject: auditLog.subject, details: auditLog.details };

/** The WHERE clause of a filter; `beforeSeq` pages backwards. */
export function auditWhere(filter: AuditFilter & { beforeSeq?: number; actorIds?: string[] }): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  // `at` is an ISO UTC instant, so text comparison orders it; the bounds are Berlin midnights.
  if (filter.from) conditions.push(gte(auditLog.at, berlinDayStart(filter.from)));
  if (filter.to) conditions.push(lt(auditLog.at, berlinDayStart(filter.to, 1)));
  if (filter.action) conditions.push(actionMatches(filter.action));
  // The user filter matches names too: the handler resolves them to ids (staff-names.ts).
  if (filter.actorIds) conditions.push(inArray(auditLog.actor, filter.actorIds));
  else if (filter.actor) conditions.push(eq(auditLog.actor, filter.actor));
  if (filter.beforeSeq !== undefined) conditions.push(lt(auditLog.seq, filter.beforeSeq));
  return and(...conditions);
}

/** `hold.*` is the family (hold, hold.set, hold.confirm …); anything else matches exactly. */
function actionMatches(action: string): SQL | undefined {
  if (!action.endsWith('.*')) return eq(auditLog.action, action);
  const family = action.slice(0, -2);
  // substr, not LIKE: action names contain `_`, which LIKE would read as a wildcard.
  return or(eq(auditLog.action, family), sql`substr(${auditLog.action}, 1, ${family.length + 1}) = ${`${family}.`}`);
}

export function verdictView(db: DeskDb): AuditVerdictView {
  const verdict = verifyAudit(db);
  return verdict.ok ? { ok: true, entries: verdict.entries } : { ok: false, entries: verdict.entries, brokenAt: verdict.brokenAt, reason: verdict.reason };
}

export function listAudit(db: DeskDb, query: AuditFilter & { limit: number; beforeSeq?: number; actorIds?: string[] }, names?: Map<string, string>): AuditPage {
  // One row more than asked tells whether another page follows.
  const rows: AuditEntryView[] = db.select(COLUMNS).from(auditLog).where(auditWhere(query)).orderBy(desc(auditLog.seq)).limit(query.limit + 1).all();
  const actions = db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)).all();
  return {
    entries: rows.slice(0, query.limit).map((r) => ({ ...r, actorName: names?.get(r.actor) ?? null })),
    verdict: verdictView(db),
    more: rows.length > query.limit,
    actions: actions.map((a) => a.action),
  };
}

/** Every matching entry, oldest first (the order of the chain), for the export. */
export function auditRows(db: DeskDb, filter: AuditFilter): (AuditEntryView & { hash: string })[] {
  return db
    .select({ ...COLUMNS, hash: auditLog.hash })
    .from(auditLog)
    .where(auditWhere(filter))
    .orderBy(asc(auditLog.seq))
    .all();
}
