// Staff display names for the Prüfprotokoll: the log stores user ids only (its exports carry no
// names); people read names. They come from what the desk knows now: the claims in the queue and
// the current session. A full staff directory is the backend's (not in SYNC_API yet).
import { and, isNotNull } from 'drizzle-orm';
import type { DeskDb } from '../db/open';
import { requests } from '../db/schema';

export function staffNames(db: DeskDb, session?: { id: string; displayName: string } | null): Map<string, string> {
  const names = new Map<string, string>();
  const owners = db
    .selectDistinct({ id: requests.ownerUserId, name: requests.ownerName })
    .from(requests)
    .where(and(isNotNull(requests.ownerUserId), isNotNull(requests.ownerName)))
    .all();
  for (const o of owners) if (o.id && o.name) names.set(o.id, o.name);
  if (session) names.set(session.id, session.displayName);
  return names;
}

/** The ids whose id or name contains the typed text (case-insensitive): the user filter matches names. */
export function actorsMatching(names: Map<string, string>, text: string): string[] {
  const needle = text.trim().toLocaleLowerCase('de');
  const ids = [...names].filter(([id, name]) => id.toLocaleLowerCase('de').includes(needle) || name.toLocaleLowerCase('de').includes(needle)).map(([id]) => id);
  return [...new Set([text.trim(), ...ids])];
}
