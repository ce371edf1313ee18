// Staff display names for the Prüfprotokoll: the log stores user ids (stable, short); people read
// names. Names come from what the desk has seen: each login's entry (which records the name the
// backend gave), the claims in the queue, and the current session. Staff names are no customer data.
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { DeskDb } from '../db/open';
import { auditLog, requests } from '../db/schema';

export function staffNames(db: DeskDb, session?: { id: string; displayName: string } | null): Map<string, string> {
  const names = new Map<string, string>();
  const owners = db
    .selectDistinct({ id: requests.ownerUserId, name: requests.ownerName })
    .from(requests)
    .where(and(isNotNull(requests.ownerUserId), isNotNull(requests.ownerName)))
    .all();
  for (const o of owners) if (o.id && o.name) names.set(o.id, o.name);
  const logins = db
    .select({ actor: auditLog.actor, name: sql<string | null>`json_extract(${auditLog.details}, '$.name')` })
    .from(auditLog)
    .where(eq(auditLog.action, 'login'))
    .all();
  for (const l of logins) if (typeof l.name === 'string' && l.name) names.set(l.actor, l.name);
  if (session) names.set(session.id, session.displayName);
  return names;
}

/** The ids whose id or name contains the typed text (case-insensitive): the user filter matches names. */
export function actorsMatching(names: Map<string, string>, text: string): string[] {
  const needle = text.trim().toLocaleLowerCase('de');
  const ids = [...names].filter(([id, name]) => id.toLocaleLowerCase('de').includes(needle) || name.toLocaleLowerCase('de').includes(needle)).map(([id]) => id);
  return [...new Set([text.trim(), ...ids])];
}
