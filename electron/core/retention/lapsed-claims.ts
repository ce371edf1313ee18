// Cases a user claimed here and left behind at a user switch (login.ts keeps them for that user).
// The backend releases a claim when its lease runs out; the user now signed in here may not see
// that case's kind, so the feed may never bring that release to this workstation. The desk knows
// the lease's end itself and lets the data go at that moment, with a receipt like any release.
// The signed-in user's own claims are left to the backend's `request.released`.
import { and, eq, inArray, isNotNull, lte, min, ne, notInArray } from 'drizzle-orm';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { outbox, personalData, requests } from '../db/schema';
import { readSession } from '../session/session-state';
import { purgePersonalData, SYSTEM_ACTOR } from './purge';

function leftBehind(db: DeskDb) {
  const user = readSession(db)?.user.id;
  return and(eq(requests.status, 'claimed'), isNotNull(requests.leaseUntil), user ? ne(requests.ownerUserId, user) : undefined);
}

/** Releases here what was left behind and whose lease has ended; returns how many cases let go of their data. */
export function releaseLapsedClaims(db: DeskDb, clock: Clock): number {
  const now = clock().toISOString();
  const lapsed = db
    .select({ id: requests.id })
    .from(requests)
    .where(and(leftBehind(db), lte(requests.leaseUntil, now)))
    .all()
    .map((r) => r.id);
  if (lapsed.length === 0) return 0;
  // An action still waiting to be sent would be refused once the lease is gone; it waits for its owner.
  const waiting = new Set(
    db
      .select({ id: outbox.requestId })
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), inArray(outbox.requestId, lapsed)))
      .all()
      .map((r) => r.id),
  );
  let released = 0;
  db.transaction(() => {
    for (const id of lapsed) {
      if (waiting.has(id)) continue;
      if (purgePersonalData(db, clock, id, 'released', SYSTEM_ACTOR)) released++;
      db.update(requests).set({ status: 'open', ownerUserId: null, ownerName: null, ownerWorkstation: null, leaseUntil: null, updatedAt: now }).where(eq(requests.id, id)).run();
    }
  });
  return released;
}

/** When the next left-behind claim lapses (one waiting for its owner's action does not count): the expiry scheduler wakes then. */
export function nextLapsedClaim(db: DeskDb): string | null {
  const waiting = db.select({ id: outbox.requestId }).from(outbox).where(eq(outbox.status, 'pending'));
  return (
    db
      .select({ at: min(requests.leaseUntil) })
      .from(requests)
      .innerJoin(personalData, eq(personalData.requestId, requests.id))
      .where(and(leftBehind(db), notInArray(requests.id, waiting)))
      .get()?.at ?? null
  );
}
