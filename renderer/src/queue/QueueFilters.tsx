// The filter bar of the workbench: kind and quick filters as toggle buttons with their counts,
// status and topic as selects with counts, and the search field ("/" focuses it).
import type { RequestKind, Topic } from '../../../shared/domain';
import { REQUEST_STATUSES, type RequestStatus } from '../../../shared/views';
import { STATUS_LABELS, TOPIC_LABELS } from '../format/labels';
import { plural } from '../format/plural';
import type { QueueCounts, QuickFilter } from '../../../shared/queue-window';
import type { QueueFilterState } from '../store/queue/queue-query';

const KIND_CHOICES: { value: RequestKind | 'all'; label: string }[] = [
  { value: 'all', label: 'Alle' },
  { value: 'callback', label: 'Rückrufe' },
  { value: 'contact', label: 'Kontaktanfragen' },
];

const QUICK_CHOICES: { value: QuickFilter; label: string }[] = [
  { value: 'due_now', label: 'Jetzt fällig' },
  { value: 'overdue', label: 'Überfällig' },
  { value: 'mine', label: 'Meine' },
];

interface Props {
  filter: QueueFilterState;
  /** Null for the moment between the first rows and the first counts: the numbers then stay blank. */
  counts: QueueCounts | null;
  shown: number;
  onChange: (next: QueueFilterState) => void;
}

export function QueueFilters({ filter, counts, shown, onChange }: Props) {
  const set = (patch: Partial<QueueFilterState>) => onChange({ ...filter, ...patch });
  const kindCount = (value: RequestKind | 'all') => (counts ? (value === 'all' ? counts.all : (counts.kind[value] ?? 0)) : '');
  const inParens = (n: number | undefined) => (counts ? ` (${n ?? 0})` : '');
  return (
    <div className="queue-filters" role="search" aria-label="Warteschlange filtern">
      <div className="filter-group" role="group" aria-label="Art">
        {KIND_CHOICES.map((choice) => (
          <button
            key={choice.value}
            type="button"
            className="filter-chip"
            aria-pressed={choice.value === 'all' ? filter.kind === 'all' && filter.quick === null : filter.kind === choice.value}
            data-testid={`filter-kind-${choice.value}`}
            // "Alle" means everything: it also drops a quick filter (Überfällig, …).
            onClick={() => set(choice.value === 'all' ? { kind: 'all', quick: null } : { kind: choice.value })}
          >
            {choice.label} <span className="filter-count">{kindCount(choice.value)}</span>
          </button>
        ))}
      </div>
      <div className="filter-group" role="group" aria-label="Schnellfilter">
        {QUICK_CHOICES.map((choice) => (
          <button
            key={choice.value}
            type="button"
            className={`filter-chip filter-${choice.value}`}
            aria-pressed={filter.quick === choice.value}
            data-testid={`filter-${choice.value}`}
            onClick={() => set({ quick: filter.quick === choice.value ? null : choice.value })}
          >
            {choice.label} <span className="filter-count">{counts?.quick[choice.value]}</span>
          </button>
        ))}
      </div>
      <label className="filter-select">
        <span>Status</span>
        <select value={filter.status} onChange={(e) => set({ status: e.target.value as RequestStatus | 'all' })} data-testid="filter-status">
          <option value="all">Alle{inParens(counts?.all)}</option>
          {REQUEST_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
              {inParens(counts?.status[status])}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-select">
        <span>Thema/Kategorie</span>
        <select value={filter.topic} onChange={(e) => set({ topic: e.target.value as Topic | 'all' })} data-testid="filter-topic">
          <option value="all">Alle{inParens(counts?.all)}</option>
          {(Object.keys(TOPIC_LABELS) as Topic[]).map((topic) => (
            <option key={topic} value={topic}>
              {TOPIC_LABELS[topic]}
              {inParens(counts?.topic[topic])}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-search">
        <span>Suchen</span>
        <input
          id="queue-search"
          type="search"
          value={filter.search}
          placeholder="Thema, Status, Bearbeiter …"
          maxLength={200}
          aria-describedby="queue-search-hint"
          onChange={(e) => set({ search: e.target.value })}
          onKeyDown={(e) => {
            // Escape leaves the field for the table, so j/k work again.
            if (e.key === 'Escape') (e.target as HTMLInputElement).blur();
          }}
        />
      </label>
      <span id="queue-search-hint" className="visually-hidden">
        Sucht in Art, Thema, Status, Bearbeiter und Vorgangsnummer; Namen und Telefonnummern der Kundschaft sind nicht durchsuchbar.
      </span>
      <span className="filter-shown" data-testid="filter-shown" aria-live="polite">
        {!counts || shown === counts.all ? plural(shown, 'Eintrag', 'Einträge') : `${shown} von ${plural(counts.all, 'Eintrag', 'Einträgen')}`}
      </span>
    </div>
  );
}
