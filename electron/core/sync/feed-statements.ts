// Prepared statements for the feed's hot paths (request.queued, sms.logged, portal.logged): a million events
// per sync must not rebuild the same SQL a million times. One set per database connection.
import type { RunResult, Statement } from 'better-sqlite3';
import { eq, Param, Placeholder, sql } from 'drizzle-orm';
import type { DeskDb } from '../db/open';
import { portalLog, requests, smsLog, syncState, tombstones } from '../db/schema';
import { STATE_KEYS } from '../db/state';

type Values = Record<string, unknown>;

/**
 * A statement written with drizzle (the schema stays the one source of names) and run as a plain
 * better-sqlite3 statement: drizzle's mapping of each call's values cost ≈ 3 µs a row, a quarter
 * of an SMS record's insert (issue 19, the ingest row).
 */
export interface RawStatement {
  run(values?: Values): RunResult;
  /** The first column of the first row, or undefined. */
  value(values?: Values): unknown;
}

function raw(db: DeskDb, query: { toSQL(): { sql: string; params: unknown[] } }): RawStatement {
  const { sql: text, params } = query.toSQL();
  // A query answers with its first column only (value()); better-sqlite3 refuses value() on a write.
  const statement: Statement = db.$client.prepare(text);
  if (statement.reader) statement.pluck();
  // Each parameter as drizzle binds it: a placeholder's value through its column's encoder, a constant as it is.
  const binders = params.map((param): ((values: Values) => unknown) => {
    const placeholder = param instanceof Param ? param.value : param;
    if (!(placeholder instanceof Placeholder)) {
      const constant = param instanceof Param ? param.encoder.mapToDriverValue(param.value) : param;
      return () => constant;
    }
    const encode = param instanceof Param ? (value: unknown) => param.encoder.mapToDriverValue(value) : (value: unknown) => value;
    return (values) => {
      if (!(placeholder.name in values)) throw new Error(`No value for placeholder "${placeholder.name}" was provided`);
      return encode(values[placeholder.name]);
    };
  });
  const bind = (values: Values = {}) => binders.map((binder) => binder(values));
  return {
    run: (values) => statement.run(...bind(values)),
    value: (values) => statement.get(...bind(values)),
  };
}

function prepare(db: DeskDb) {
  const p = (name: string) => sql.placeholder(name);
  return {
    insertRequest: raw(
      db,
      db
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
        .onConflictDoNothing(),
    ),
    insertSms: raw(db, db.insert(smsLog).values({ id: p('id'), customerNumber: p('customerNumber'), sentAt: p('sentAt'), ip: p('ip'), ipKey: p('ipKey') }).onConflictDoNothing()),
    insertPortal: raw(
      db,
      db.insert(portalLog).values({ id: p('id'), customerNumber: p('customerNumber'), at: p('at'), ip: p('ip'), ipKey: p('ipKey'), action: p('action') }).onConflictDoNothing(),
    ),
    portalPurgedBefore: raw(db, db.select({ value: syncState.value }).from(syncState).where(eq(syncState.key, STATE_KEYS.portalPurgedBefore))),
    tombstoned: raw(db, db.select({ id: tombstones.requestId }).from(tombstones).where(eq(tombstones.requestId, p('id')))),
    smsPurgedBefore: raw(db, db.select({ value: syncState.value }).from(syncState).where(eq(syncState.key, STATE_KEYS.smsPurgedBefore))),
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
