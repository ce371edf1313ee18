// Due (within 7 days) and overdue, in words and colour, for the case list and the panel.
import type { DeadlineState } from '../../../../../shared/subject-deadline';

const LABELS: Record<Exclude<DeadlineState, 'open'>, string> = { due: 'fällig', overdue: 'überfällig' };

export function DeadlineBadge({ state }: { state: DeadlineState | null }) {
  if (!state || state === 'open') return null;
  return (
    <span className={`badge badge-deadline-${state}`} data-testid={`deadline-${state}`}>
      {LABELS[state]}
    </span>
  );
}
