// Prepared statements for the feed's hot paths (request.queued, sms.logged, portal.logged): a million events
// per sync must not rebuild the same SQL a million times. One set per database connection.
import { eq, sql } from 'drizzle-orm';
import type { DeskDb } from '../db/open';
import { portalLog, requests, smsLog, syncState, tombstones } from '../db/schema';
import { STATE_KEYS } from '../db/state';

function prepare(db: DeskDb) {
  const p = (name: string) => sql.placeholder(name);
  return {
    insertRequest: db
      .insert(requests)
      .values({
        id: p('id'),
        kind: p('kind'),
        receivedAt: p('receivedAt'),
        topic: p('topic'),
        preferredDate: p('preferredDate'),
        windowFrom: p('windowFrom'),
        windowTo: p('windowTo'),
        dueFrom: p('dueFrom'),
        dueUntil: p('dueUntil'),
        reference: p('reference'),
        status: 'open',
        updatedAt: p('updatedAt'),
      })
      .onConflictDoNothing()
      .prepare(),
    insertSms: db
      .insert(smsLog)
      .values({ id: p('id'), customerNumber: p('customerNumber'), sentAt: p('sentAt'), ip: p('ip'), ipKey: p('ipKey') })
      .onConflictDoNothing()
      .prepare(),
    insertPortal: db
      .insert(portalLog)
      .values({ id: p('id'), customerNumber: p('customerNumber'), at: p('at'), ip: p('ip'), ipKey: p('ipKey'), action: p('action') })
      .onConflictDoNothing()
      .prepare(),
    portalPurgedBefore: db.select({ value: syncState.value }).from(syncState).where(eq(syncState.key, STATE_KEYS.portalPurgedBefore)).prepare(),
    tombstoned: db.select({ id: tombstones.requestId }).from(tombstones).where(eq(tombstones.requestId, p('id'))).prepare(),
    smsPurgedBefore: db.select({ value: syncState.value }).from(syncState).where(eq(syncState.key, STATE_KEYS.smsPurgedBefore)).prepare(),
  };
}

export type FeedStatements = ReturnType<typeof prepare>;
const cache = new WeakMap<DeskDb, FeedStatements>();

export function feedStatements(db: DeskDb): FeedStatements {
  let statements = cache.get(db);
  if (!statements) {
    statements = prepare(db);
    cache.set(db, statements);
  }
  return statements;
}
