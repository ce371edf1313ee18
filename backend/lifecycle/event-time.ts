// When an action happened, as the workstation says: accepted within a documented tolerance, so
// a client cannot backdate its work (or date it into the future) to bend the record. Offline
// work is sent within hours, so a day is generous; clocks drift by seconds, so five minutes is.
export const EVENT_TIME_TOLERANCE = { pastMs: 24 * 3_600_000, futureMs: 5 * 60_000 } as const;

/** The time to record (never later than the server's clock), or a problem to answer with 422. */
export function acceptedEventTime(at: string, now: Date, notBefore: Date): { ok: true; at: Date } | { ok: false; detail: string } {
  const ms = Date.parse(at);
  const nowMs = now.getTime();
  if (ms > nowMs + EVENT_TIME_TOLERANCE.futureMs) return { ok: false, detail: `at ${at} lies more than 5 minutes in the future of the server's clock.` };
  if (ms < nowMs - EVENT_TIME_TOLERANCE.pastMs) return { ok: false, detail: `at ${at} lies more than 24 hours in the past.` };
  if (ms < notBefore.getTime()) return { ok: false, detail: `at ${at} lies before the request arrived.` };
  return { ok: true, at: new Date(Math.min(ms, nowMs)) };
}
