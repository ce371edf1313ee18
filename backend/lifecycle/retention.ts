// Checks a close's retention against DESIGN.md: callbacks keep nothing; the other kinds may keep
// their data for a reason, at most the reason's limit after closing.
import { RETENTION_LIMIT_YEARS } from '../../shared/domain';
import { type Retention } from '../../shared/sync-api';
import { berlinDay, DAY_MS, dayToIsoDate, isoDateToDay } from '../time';

/**
 * A problem with the retention, or null when it is acceptable. `limitYears`: the periods in force
 * (issue 16: a supervisor may have tightened one below DESIGN.md's limit).
 */
export function retentionProblem(kind: string, retention: Retention | null, nowMs: number, limitYears: Record<Retention['reason'], number> = RETENTION_LIMIT_YEARS): string | null {
  if (retention === null) return null;
  if (kind === 'callback') return 'A callback keeps no personal data after closing: retention must be null.';
  const today = berlinDay(nowMs);
  const until = isoDateToDay(retention.until);
  if (until < today) return `retention.until ${retention.until} lies in the past.`;
  const years = limitYears[retention.reason];
  const [y, m, d] = dayToIsoDate(today).split('-').map(Number) as [number, number, number];
  const limit = Math.round(Date.UTC(y + years, m - 1, d) / DAY_MS);
  if (until > limit) {
    return `retention '${retention.reason}' may last at most ${years} years (until ${dayToIsoDate(limit)}).`;
  }
  return null;
}
