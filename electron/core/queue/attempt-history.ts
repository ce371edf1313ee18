// A callback's window and attempts as the retry rules need them.
import { asc, eq } from 'drizzle-orm';
import type { Disposition } from '../../../shared/domain';
import type { DeskDb } from '../db/open';
import { callbackAttempts, type requests } from '../db/schema';
import type { AttemptHistory } from './retry-rules';

export function attemptHistory(db: DeskDb, row: Pick<typeof requests.$inferSelect, 'id' | 'dueFrom' | 'dueUntil'>): AttemptHistory {
  const attempts = db
    .select({ at: callbackAttempts.at, disposition: callbackAttempts.disposition })
    .from(callbackAttempts)
    .where(eq(callbackAttempts.requestId, row.id))
    .orderBy(asc(callbackAttempts.attemptNo))
    .all()
    .map((a) => ({ at: a.at, disposition: a.disposition as Disposition }));
  return { dueFrom: row.dueFrom, dueUntil: row.dueUntil, attempts };
}
