// The agent's own day, as contact-center desktops show it: callbacks closed today, how many
// reached the person, attempts per callback. Computed from this workstation's own records: closed
// callbacks stay in `requests` (without personal data) until the end of their closing day, with
// their attempts in `callback_attempts`, so today's figures are all here; nothing is stored for it.
import { and, eq, gte, inArray } from 'drizzle-orm';
import type { AgentDay } from '../../../shared/views';
import type { DeskDb } from '../db/open';
import { callbackAttempts, requests } from '../db/schema';
import { berlinDate, berlinDayStart } from '../time/berlin';

/** A person answered: whatever they said, the call reached them. */
const REACHED_DISPOSITIONS = new Set(['reached', 'declined', 'rescheduled']);

export function agentDay(db: DeskDb, userId: string, now: Date): AgentDay {
  const date = berlinDate(now);
  const start = berlinDayStart(date);
  const closed = db
    .select({ id: requests.id, outcome: requests.outcome })
    .from(requests)
    .where(and(eq(requests.kind, 'callback'), eq(requests.status, 'closed'), eq(requests.ownerUserId, userId), gte(requests.closedAt, start)))
    .all()
    // "Abgelaufen" is the sweep's, not the agent's work.
    .filter((r) => r.outcome !== 'expired');
  const ids = closed.map((r) => r.id);
  const attempts = ids.length === 0 ? [] : db.select({ requestId: callbackAttempts.requestId, disposition: callbackAttempts.disposition }).from(callbackAttempts).where(inArray(callbackAttempts.requestId, ids)).all();
  const reachedIds = new Set(attempts.filter((a) => REACHED_DISPOSITIONS.has(a.disposition)).map((a) => a.requestId));
  for (const r of closed) if (r.outcome === 'resolved') reachedIds.add(r.id);
  const attemptsToday = db
    .select({ requestId: callbackAttempts.requestId })
    .from(callbackAttempts)
    .innerJoin(requests, eq(requests.id, callbackAttempts.requestId))
    .where(and(eq(requests.ownerUserId, userId), gte(callbackAttempts.at, start)))
    .all().length;
  const n = closed.length;
  return {
    date,
    closed: n,
    reached: reachedIds.size,
    reachRate: n === 0 ? null : reachedIds.size / n,
    attemptsPerCallback: n === 0 ? null : attempts.length / n,
    attemptsToday,
  };
}
