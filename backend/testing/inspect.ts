// What tests look up in the backend's database directly (as an operator with psql would),
// instead of through the API.
import { and, asc, eq, sql } from 'drizzle-orm';
import { auditAnchors, feedEvents, requestEventKeys, requests } from '../db/schema';
import { type BackendDb } from '../db/database';
import { openPostgres } from '../db/open-postgres';

export async function backendAuditHead(db: BackendDb, workstation: string): Promise<string | undefined> {
  const [row] = await db.select({ head: auditAnchors.hash }).from(auditAnchors).where(eq(auditAnchors.workstation, workstation));
  return row?.head;
}

/** Ids of the stored requests in arrival order, of one kind or all. */
export async function backendRequestIds(db: BackendDb, kind?: string): Promise<string[]> {
  const rows = await db
    .select({ id: requests.id })
    .from(requests)
    .where(kind ? eq(requests.kind, kind) : sql`true`)
    .orderBy(asc(requests.receivedAt), asc(requests.id));
  return rows.map((r) => r.id);
}

/** Feed events of a type (optionally of one workstation, for those that name one). */
export async function backendEventCount(db: BackendDb, type: string, workstation?: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(feedEvents)
    .where(and(eq(feedEvents.type, type), workstation ? sql`${feedEvents.data}->>'workstation' = ${workstation}` : sql`true`));
  return rows[0]?.n ?? 0;
}

/** Feed events of a type about requests claimed by a workstation (attempts and closes name no workstation). */
export async function backendEventCountForWorkstation(db: BackendDb, type: string, workstation: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(feedEvents)
    .where(
      and(
        eq(feedEvents.type, type),
        sql`${feedEvents.data}->>'requestId' IN (SELECT data->>'requestId' FROM feed_events WHERE type = 'request.claimed' AND data->>'workstation' = ${workstation})`,
      ),
    );
  return rows[0]?.n ?? 0;
}

export async function backendKnowsRequestEvent(db: BackendDb, eventId: string): Promise<boolean> {
  const rows = await db.select({ id: requestEventKeys.eventId }).from(requestEventKeys).where(eq(requestEventKeys.eventId, eventId));
  return rows.length > 0;
}

/** Runs `look` against the database of a server URL (a backend in another process). */
export async function inspectDatabase<T>(url: string, look: (db: BackendDb) => Promise<T>): Promise<T> {
  const database = openPostgres({ url, poolSize: 2 });
  try {
    return await look(database.db);
  } finally {
    await database.close();
  }
}
